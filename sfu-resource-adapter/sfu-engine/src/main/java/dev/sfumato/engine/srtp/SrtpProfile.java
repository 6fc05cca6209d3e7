package dev.sfumato.engine.srtp;

/**
 * The two DTLS-SRTP protection profiles the engine offers, RFC 5764 §4.1.2 and RFC 7714 §14.2.
 *
 * <pre>
 *                           key  salt  auth key  RTP tag  SRTCP trailer     id
 * SRTP_AES128_CM_HMAC_SHA1_80  16    14        20       10  4 + 10        0x0001
 * SRTP_AEAD_AES_128_GCM        16    12         -       16  16 + 4        0x0007
 * </pre>
 *
 * <p>All lengths are in bytes. The DTLS exporter yields {@code 2 * (key + salt)} bytes of keying
 * material (RFC 5764 §4.2): 60 for CM-80, 56 for GCM.
 */
public enum SrtpProfile {
  /** AES-128 counter mode with HMAC-SHA1 truncated to 80 bits (RFC 3711 §4.1.1, §4.2.1). */
  AES128_CM_HMAC_SHA1_80(0x0001, 16, 14, 20, 10),
  /** AES-128-GCM with a 16-byte tag (RFC 7714 §8, §9). */
  AEAD_AES_128_GCM(0x0007, 16, 12, 0, 16);

  private final int id;
  private final int keyLength;
  private final int saltLength;
  private final int authKeyLength;
  private final int tagLength;

  SrtpProfile(int id, int keyLength, int saltLength, int authKeyLength, int tagLength) {
    this.id = id;
    this.keyLength = keyLength;
    this.saltLength = saltLength;
    this.authKeyLength = authKeyLength;
    this.tagLength = tagLength;
  }

  /** The two-byte SRTPProtectionProfile value carried in the use_srtp extension. */
  public int id() {
    return id;
  }

  /** Master and session cipher key length, bytes. */
  public int keyLength() {
    return keyLength;
  }

  /** Master and session salt length, bytes. */
  public int saltLength() {
    return saltLength;
  }

  /** Session authentication key length, bytes; 0 for the AEAD profile. */
  public int authKeyLength() {
    return authKeyLength;
  }

  /** Authentication tag length, bytes: what {@code protectRtp} appends. */
  public int tagLength() {
    return tagLength;
  }

  /** Bytes {@code protectRtcp} appends: the tag plus the 4-byte E flag and SRTCP index. */
  public int rtcpOverhead() {
    return tagLength + 4;
  }

  /** Length of the DTLS-SRTP exported keying material for this profile, RFC 5764 §4.2. */
  public int keyingMaterialLength() {
    return 2 * (keyLength + saltLength);
  }

  /** The profile for a use_srtp value, or {@code null} if the engine does not offer it. */
  public static SrtpProfile fromId(int id) {
    for (SrtpProfile p : values()) {
      if (p.id == id) {
        return p;
      }
    }
    return null;
  }
}
