package dev.sfumato.persistence.room;

import java.security.SecureRandom;

/** Room SIDs in LiveKit's shape: {@code "RM_"} followed by 12 base62 characters (~71 bits). */
final class RoomSids {

  static final String PREFIX = "RM_";
  static final int RANDOM_LENGTH = 12;

  private static final char[] BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

  // SIDs are handed to clients and must not be guessable from one another.
  private static final SecureRandom RANDOM = new SecureRandom();

  private RoomSids() {}

  static String next() {
    char[] sid = new char[PREFIX.length() + RANDOM_LENGTH];
    PREFIX.getChars(0, PREFIX.length(), sid, 0);
    for (int i = PREFIX.length(); i < sid.length; i++) {
      sid[i] = BASE62[RANDOM.nextInt(BASE62.length)];
    }
    return new String(sid);
  }
}
