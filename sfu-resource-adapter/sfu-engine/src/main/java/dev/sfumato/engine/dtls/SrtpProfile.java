package dev.sfumato.engine.dtls;

/**
 * The SRTP protection profiles negotiated in the DTLS {@code use_srtp} extension (RFC 5764 §4.1.2)
 * that Sfumato supports, with the master key and salt lengths the exporter must supply for each.
 *
 * <p>{@code SRTP_AES128_CM_HMAC_SHA1_80}: RFC 5764 §4.1.2, AES-128 counter mode with a 112-bit
 * (14-byte) salt, RFC 3711 §8.2. {@code SRTP_AEAD_AES_128_GCM}: RFC 7714 §14.2, AES-128-GCM with a
 * 96-bit (12-byte) salt, RFC 7714 §8.1.
 */
public enum SrtpProfile {
  SRTP_AES128_CM_HMAC_SHA1_80(0x0001, 16, 14),
  SRTP_AEAD_AES_128_GCM(0x0007, 16, 12);

  private final int id;
  private final int keyLength;
  private final int saltLength;

  SrtpProfile(int id, int keyLength, int saltLength) {
    this.id = id;
    this.keyLength = keyLength;
    this.saltLength = saltLength;
  }

  /**
   * The two-byte SRTPProtectionProfile value on the wire (IANA "DTLS-SRTP Protection Profiles").
   */
  public int id() {
    return id;
  }

  /** Master key length in bytes. */
  public int keyLength() {
    return keyLength;
  }

  /** Master salt length in bytes. */
  public int saltLength() {
    return saltLength;
  }

  /** Bytes to export with "EXTRACTOR-dtls_srtp": 2 × (key + salt), RFC 5764 §4.2 (60 or 56). */
  public int keyingMaterialLength() {
    return 2 * (keyLength + saltLength);
  }

  /** The profile with this wire value, or {@code null} if Sfumato does not support it. */
  public static SrtpProfile fromId(int id) {
    for (SrtpProfile profile : values()) {
      if (profile.id == id) {
        return profile;
      }
    }
    return null;
  }
}
