package dev.sfumato.rooms.live;

import java.security.SecureRandom;

/**
 * LiveKit's server ids: a type prefix ({@code PA_} participant, {@code TR_} track, {@code RM_}
 * room) and 12 random base-62 characters (71 bits), as its clients expect and display them.
 */
public final class Sids {
  private static final char[] ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private Sids() {}

  public static String participant() {
    return make("PA_");
  }

  public static String track() {
    return make("TR_");
  }

  private static String make(String prefix) {
    char[] out = new char[prefix.length() + 12];
    prefix.getChars(0, prefix.length(), out, 0);
    for (int i = prefix.length(); i < out.length; i++) {
      out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
    }
    return new String(out);
  }
}
