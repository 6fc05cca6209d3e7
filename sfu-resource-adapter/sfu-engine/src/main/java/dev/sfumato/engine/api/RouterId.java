package dev.sfumato.engine.api;

import java.security.SecureRandom;

/**
 * Names a router (the media of one room) inside the engine.
 *
 * @param value 1..64 visible characters
 */
public record RouterId(String value) {

  /** Long enough for a prefix and a UUID, short enough to log and to key maps cheaply. */
  public static final int MAX_LENGTH = 64;

  private static final String BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  /** 16 base62 characters are about 95 bits: collisions are not a practical concern. */
  private static final int RANDOM_CHARS = 16;

  private static final SecureRandom RANDOM = new SecureRandom();

  public RouterId {
    if (value == null || value.isBlank()) {
      throw new EngineException(EngineException.Code.INVALID_ARGUMENT, "router id is blank");
    }
    if (value.length() > MAX_LENGTH) {
      throw new EngineException(
          EngineException.Code.INVALID_ARGUMENT,
          "router id longer than " + MAX_LENGTH + " characters");
    }
  }

  /** A fresh id shaped like LiveKit's ("RT_" + base62), so logs from both read alike. */
  public static RouterId random() {
    StringBuilder sb = new StringBuilder(3 + RANDOM_CHARS).append("RT_");
    for (int i = 0; i < RANDOM_CHARS; i++) {
      sb.append(BASE62.charAt(RANDOM.nextInt(BASE62.length())));
    }
    return new RouterId(sb.toString());
  }

  @Override
  public String toString() {
    return value;
  }
}
