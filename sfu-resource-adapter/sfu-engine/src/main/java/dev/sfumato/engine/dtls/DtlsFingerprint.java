package dev.sfumato.engine.dtls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;

/**
 * A certificate fingerprint as carried by SDP {@code a=fingerprint}, RFC 8122 §5:
 *
 * <pre>
 *   fingerprint-attribute = "fingerprint" ":" hash-func SP fingerprint
 *   hash-func             = "sha-1" / "sha-224" / "sha-256" / "sha-384" / "sha-512" / ...
 *   fingerprint           = 2UHEX *(":" 2UHEX)   ; uppercase hex, colon-separated
 * </pre>
 *
 * This record holds the attribute value ({@code "sha-256 AB:CD:…"}). {@link #toSdp()} writes the
 * RFC form exactly (lowercase hash token, uppercase hex); {@link #parse} accepts lowercase hex too,
 * as browsers' parsers do. MD5 and MD2 are refused (RFC 8122 §5: they must not be used).
 */
public record DtlsFingerprint(HashFunction algorithm, byte[] value) {

  /** The hash functions of RFC 8122 §5 that Sfumato accepts, with their SDP token. */
  public enum HashFunction {
    SHA_1("sha-1", "SHA-1", 20),
    SHA_224("sha-224", "SHA-224", 28),
    SHA_256("sha-256", "SHA-256", 32),
    SHA_384("sha-384", "SHA-384", 48),
    SHA_512("sha-512", "SHA-512", 64);

    private final String sdpToken;
    private final String jdkName;
    private final int length;

    HashFunction(String sdpToken, String jdkName, int length) {
      this.sdpToken = sdpToken;
      this.jdkName = jdkName;
      this.length = length;
    }

    public String sdpToken() {
      return sdpToken;
    }

    /** Digest length in bytes. */
    public int length() {
      return length;
    }

    /** Hash tokens are case-insensitive (SDP grammar, RFC 4566 §9 / RFC 5234 §2.3). */
    public static HashFunction fromSdpToken(String token) {
      for (HashFunction hash : values()) {
        if (hash.sdpToken.equalsIgnoreCase(token)) {
          return hash;
        }
      }
      throw new IllegalArgumentException("unsupported fingerprint hash function: " + token);
    }

    byte[] digest(byte[] data) {
      try {
        // Every JDK must provide SHA-1/224/256/384/512 (java.security.MessageDigest docs).
        return MessageDigest.getInstance(jdkName).digest(data);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(jdkName + " missing from this JDK", e);
      }
    }
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  public DtlsFingerprint {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(value, "value");
    if (value.length != algorithm.length()) {
      throw new IllegalArgumentException(
          algorithm.sdpToken() + " fingerprint must be " + algorithm.length() + " bytes");
    }
    value = value.clone();
  }

  /** The fingerprint of a DER-encoded certificate (RFC 8122 §5: the hash covers the DER form). */
  public static DtlsFingerprint of(HashFunction algorithm, byte[] certificateDer) {
    return new DtlsFingerprint(algorithm, algorithm.digest(certificateDer));
  }

  /** Parses an SDP {@code a=fingerprint} value such as {@code "sha-256 AB:CD:…"}. */
  public static DtlsFingerprint parse(String sdpValue) {
    Objects.requireNonNull(sdpValue, "sdpValue");
    String trimmed = sdpValue.strip();
    int space = trimmed.indexOf(' ');
    if (space <= 0) {
      throw new IllegalArgumentException("fingerprint needs 'hash-func SP hex': " + sdpValue);
    }
    HashFunction algorithm = HashFunction.fromSdpToken(trimmed.substring(0, space));
    String hex = trimmed.substring(space + 1).strip();
    int count = (hex.length() + 1) / 3;
    if (hex.length() != count * 3 - 1 || count != algorithm.length()) {
      throw new IllegalArgumentException(
          "expected " + algorithm.length() + " colon-separated hex bytes: " + sdpValue);
    }
    byte[] value = new byte[count];
    for (int i = 0; i < count; i++) {
      int at = i * 3;
      if (i > 0 && hex.charAt(at - 1) != ':') {
        throw new IllegalArgumentException("bytes must be separated by ':' in " + sdpValue);
      }
      int high = Character.digit(hex.charAt(at), 16);
      int low = Character.digit(hex.charAt(at + 1), 16);
      if (high < 0 || low < 0) {
        throw new IllegalArgumentException("not hex at " + at + " in " + sdpValue);
      }
      value[i] = (byte) (high << 4 | low);
    }
    return new DtlsFingerprint(algorithm, value);
  }

  /** True if the DER certificate hashes to this fingerprint; constant time in the hash bytes. */
  public boolean matches(byte[] certificateDer) {
    return MessageDigest.isEqual(value, algorithm.digest(certificateDer));
  }

  /** The RFC 8122 §5 attribute value: {@code "sha-256 AB:CD:…"}. */
  public String toSdp() {
    StringBuilder text = new StringBuilder(algorithm.sdpToken().length() + 1 + value.length * 3);
    text.append(algorithm.sdpToken()).append(' ');
    for (int i = 0; i < value.length; i++) {
      if (i > 0) {
        text.append(':');
      }
      text.append(HEX[(value[i] >> 4) & 0xF]).append(HEX[value[i] & 0xF]);
    }
    return text.toString();
  }

  /** The digest bytes (a copy). */
  @Override
  public byte[] value() {
    return value.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DtlsFingerprint that
        && algorithm == that.algorithm
        && Arrays.equals(value, that.value);
  }

  @Override
  public int hashCode() {
    return 31 * algorithm.hashCode() + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return toSdp();
  }
}
