package dev.sfumato.engine.srtp;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * SRTP key derivation, RFC 3711 §4.3, with the AES-CM PRF of §4.3.3 and a key derivation rate of 0
 * (DTLS-SRTP never rekeys by rate, RFC 5764 §4.1.2), so {@code r = index DIV kdr = 0}.
 *
 * <pre>
 *   key_id = label || r              (8 + 48 bits, r = 0)
 *   x      = key_id XOR master_salt  (112 bits, key_id right-aligned)
 *   out    = AES-CM(master_key, IV = x * 2^16), first n bytes
 * </pre>
 *
 * <p>The AEAD profile's 96-bit master salt is padded on the right with two zero bytes to 112 bits
 * before the XOR (RFC 7714 §11 keeps the AES-CM PRF; libsrtp, and so every browser, pads this way).
 * Runs once per DTLS handshake: allocation here is fine.
 */
public final class SrtpKeyDerivation {

  /** Labels, RFC 3711 §4.3.1 and §4.3.2. */
  public static final int LABEL_RTP_ENCRYPTION = 0x00;

  public static final int LABEL_RTP_AUTH = 0x01;
  public static final int LABEL_RTP_SALT = 0x02;
  public static final int LABEL_RTCP_ENCRYPTION = 0x03;
  public static final int LABEL_RTCP_AUTH = 0x04;
  public static final int LABEL_RTCP_SALT = 0x05;

  private SrtpKeyDerivation() {}

  /**
   * Derives {@code length} bytes for {@code label} from a 16-byte master key and a 12- or 14-byte
   * master salt.
   */
  public static byte[] derive(byte[] masterKey, byte[] masterSalt, int label, int length) {
    if (masterSalt.length > 14) {
      throw new IllegalArgumentException("master salt longer than 112 bits");
    }
    byte[] iv = new byte[16];
    System.arraycopy(masterSalt, 0, iv, 0, masterSalt.length);
    iv[7] ^= (byte) label; // label sits just above the 48-bit r, which is 0
    int blocks = (length + 15) / 16;
    byte[] counters = new byte[blocks * 16];
    for (int j = 0; j < blocks; j++) {
      System.arraycopy(iv, 0, counters, j * 16, 14);
      counters[j * 16 + 14] = (byte) (j >>> 8);
      counters[j * 16 + 15] = (byte) j;
    }
    try {
      Cipher aes = Cipher.getInstance("AES/ECB/NoPadding");
      aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(masterKey, "AES"));
      byte[] stream = aes.doFinal(counters);
      byte[] out = new byte[length];
      System.arraycopy(stream, 0, out, 0, length);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES is mandatory in every JRE", e);
    }
  }

  /** The six session values for one direction: RTP and RTCP cipher key, salt and auth key. */
  public static SessionKeys deriveSession(
      SrtpProfile profile, byte[] masterKey, byte[] masterSalt) {
    int k = profile.keyLength();
    int s = profile.saltLength();
    int a = profile.authKeyLength();
    return new SessionKeys(
        derive(masterKey, masterSalt, LABEL_RTP_ENCRYPTION, k),
        derive(masterKey, masterSalt, LABEL_RTP_SALT, s),
        a == 0 ? new byte[0] : derive(masterKey, masterSalt, LABEL_RTP_AUTH, a),
        derive(masterKey, masterSalt, LABEL_RTCP_ENCRYPTION, k),
        derive(masterKey, masterSalt, LABEL_RTCP_SALT, s),
        a == 0 ? new byte[0] : derive(masterKey, masterSalt, LABEL_RTCP_AUTH, a));
  }

  /** Session keys for one direction (RFC 3711 §4.3.1); auth keys are empty for AEAD. */
  public record SessionKeys(
      byte[] rtpKey,
      byte[] rtpSalt,
      byte[] rtpAuthKey,
      byte[] rtcpKey,
      byte[] rtcpSalt,
      byte[] rtcpAuthKey) {}
}
