package dev.sfumato.engine.api;

import java.security.SecureRandom;

/** The one rule for engine object ids, shared by every id record. */
final class Ids {
  /** Long enough for a prefix and a UUID, short enough to log and to key maps cheaply. */
  static final int MAX_LENGTH = 64;

  private static final String BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  /** 16 base62 characters are about 95 bits: collisions are not a practical concern. */
  private static final int RANDOM_CHARS = 16;

  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  static void validate(String kind, String value) {
    if (value == null || value.isBlank()) {
      throw new EngineException(EngineException.Code.INVALID_ARGUMENT, kind + " id is blank");
    }
    if (value.length() > MAX_LENGTH) {
      throw new EngineException(
          EngineException.Code.INVALID_ARGUMENT,
          kind + " id longer than " + MAX_LENGTH + " characters");
    }
  }

  /** A fresh id shaped like LiveKit's (prefix + base62), so logs from both read alike. */
  static String random(String prefix) {
    StringBuilder sb = new StringBuilder(prefix.length() + RANDOM_CHARS).append(prefix);
    for (int i = 0; i < RANDOM_CHARS; i++) {
      sb.append(BASE62.charAt(RANDOM.nextInt(BASE62.length())));
    }
    return sb.toString();
  }
}
