package dev.sfumato.engine.api;

import java.util.Locale;

/**
 * A certificate fingerprint as SDP carries it (RFC 8122 §5): {@code sha-256 AB:CD:…}.
 *
 * @param algorithm hash function name, lower case (sha-1, sha-256, sha-384, sha-512)
 * @param value upper-case hex bytes separated by colons
 */
public record DtlsFingerprint(String algorithm, String value) {
  public DtlsFingerprint {
    Checks.notBlank("algorithm", algorithm);
    Checks.notBlank("value", value);
    algorithm = algorithm.toLowerCase(Locale.ROOT);
    value = value.toUpperCase(Locale.ROOT);
    if (!value.matches("[0-9A-F]{2}(:[0-9A-F]{2}){15,63}")) {
      throw Checks.invalid("fingerprint value is not colon-separated hex: " + value);
    }
  }

  /** Parses an {@code a=fingerprint} value. */
  public static DtlsFingerprint parse(String sdpValue) {
    String[] parts = sdpValue == null ? new String[0] : sdpValue.trim().split("\\s+");
    if (parts.length != 2) {
      throw Checks.invalid("fingerprint must be '<hash> <hex>': " + sdpValue);
    }
    return new DtlsFingerprint(parts[0], parts[1]);
  }

  public String toSdpValue() {
    return algorithm + " " + value;
  }
}
