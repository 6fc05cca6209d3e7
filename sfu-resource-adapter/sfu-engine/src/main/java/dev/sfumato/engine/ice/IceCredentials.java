package dev.sfumato.engine.ice;

import java.security.SecureRandom;

/**
 * An ICE username fragment and password, RFC 8445 §5.3 with the syntax of RFC 8839 §5.4: {@code
 * ice-char = ALPHA / DIGIT / "+" / "/"}, ufrag 4 to 256 chars, pwd 22 to 256 chars.
 *
 * <p>{@link #toString()} leaves the password out: credentials end up in logs and dumps.
 */
public record IceCredentials(String ufrag, String pwd) {

  public static final int MIN_UFRAG_CHARS = 4;
  public static final int MIN_PWD_CHARS = 22;
  public static final int MAX_CHARS = 256;

  /**
   * Generated sizes: 16 ufrag chars (96 bits, so ufrags stay unique across every transport of a
   * node without a collision check) and 32 pwd chars (192 bits, above RFC 8445's 128).
   */
  static final int GENERATED_UFRAG_CHARS = 16;

  static final int GENERATED_PWD_CHARS = 32;

  private static final String ICE_CHARS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  public IceCredentials {
    check("ufrag", ufrag, MIN_UFRAG_CHARS);
    check("pwd", pwd, MIN_PWD_CHARS);
  }

  /** Fresh random credentials for a local agent. */
  public static IceCredentials generate(SecureRandom random) {
    return new IceCredentials(
        randomIceChars(random, GENERATED_UFRAG_CHARS), randomIceChars(random, GENERATED_PWD_CHARS));
  }

  @Override
  public String toString() {
    return "IceCredentials[ufrag=" + ufrag + ", pwd=(" + pwd.length() + " chars)]";
  }

  private static String randomIceChars(SecureRandom random, int n) {
    char[] chars = new char[n];
    for (int i = 0; i < n; i++) {
      chars[i] = ICE_CHARS.charAt(random.nextInt(ICE_CHARS.length())); // 64 chars: 6 bits each
    }
    return new String(chars);
  }

  private static void check(String name, String value, int min) {
    if (value == null) {
      throw new IllegalArgumentException(name + " is required");
    }
    if (value.length() < min || value.length() > MAX_CHARS) {
      throw new IllegalArgumentException(
          name + " must be " + min + " to " + MAX_CHARS + " ice-chars, not " + value.length());
    }
    for (int i = 0; i < value.length(); i++) {
      if (ICE_CHARS.indexOf(value.charAt(i)) < 0) {
        throw new IllegalArgumentException(name + " has a character outside ALPHA/DIGIT/+//");
      }
    }
  }
}
