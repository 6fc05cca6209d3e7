package dev.sfumato.engine.srtp;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * SRTP_AEAD_AES_128_GCM, RFC 7714 §8 (SRTP) and §9 (SRTCP), with a 16-byte tag.
 *
 * <pre>
 * SRTP  IV (§8.1):  (00 00 | SSRC | ROC | SEQ)               XOR salt    AAD: the RTP header
 *       packet:     header | ciphertext | tag(16)
 * SRTCP IV (§9.1):  (00 00 | SSRC | 00 00 | 0 | SRTCP index) XOR salt
 *       packet:     header(8) | ciphertext | tag(16) | E + index(4)
 *       AAD (§9.3): header(8) | E + index when E = 1; the whole RTCP packet | E + index when E = 0
 * </pre>
 *
 * <p>Allocation: the JCE's GCM only takes a new IV through {@code Cipher.init} (and forbids reusing
 * an encryption IV), and JDK 17 rebuilds its GCM engine at every init: counter and GHASH state with
 * the GHASH key table, ByteBuffer wrappers in doFinal, a ByteArrayOutputStream for the AAD, plus
 * our {@link GCMParameterSpec}. Measured with sfu-bench {@code -prof gc}: 1128 B per protect, 1144
 * B per unprotect, for any packet size (JFR allocation samples name those sources). Short-lived
 * TLAB garbage, but garbage: CM-80 is the zero-allocation profile. A forged packet costs one {@link
 * AEADBadTagException} (about 1.8 KB); the JCE checks the tag before it writes any plaintext, so
 * the buffer is left as received.
 */
final class AesGcmTransform implements SrtpTransform {

  static final int TAG = 16;
  private static final int TAG_BITS = TAG * 8;

  private final Cipher gcm;
  private final SecretKeySpec key;
  private final byte[] salt;
  private final byte[] iv = new byte[12];
  private final byte[] word = new byte[4];

  AesGcmTransform(byte[] key, byte[] salt) {
    if (salt.length != 12) {
      throw new IllegalArgumentException("AEAD session salt must be 96 bits");
    }
    this.key = new SecretKeySpec(key, "AES");
    this.salt = salt.clone();
    try {
      gcm = Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is mandatory in every JRE", e);
    }
  }

  @Override
  public int protectRtp(byte[] buf, int off, int headerLength, int len, int ssrc, long index) {
    rtpIv(ssrc, index);
    try {
      gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      gcm.updateAAD(buf, off, headerLength);
      int p = off + headerLength;
      return headerLength + gcm.doFinal(buf, p, len - headerLength, buf, p);
    } catch (GeneralSecurityException e) {
      return SrtpError.CIPHER_ERROR.code();
    }
  }

  @Override
  public int unprotectRtp(byte[] buf, int off, int headerLength, int len, int ssrc, long index) {
    rtpIv(ssrc, index);
    try {
      gcm.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      gcm.updateAAD(buf, off, headerLength);
      int p = off + headerLength;
      return headerLength + gcm.doFinal(buf, p, len - headerLength, buf, p);
    } catch (AEADBadTagException e) {
      return SrtpError.AUTH_FAILED.code();
    } catch (GeneralSecurityException e) {
      return SrtpError.CIPHER_ERROR.code();
    }
  }

  @Override
  public int protectRtcp(byte[] buf, int off, int len, int ssrc, int index) {
    rtcpIv(ssrc, index);
    int eIndex = 0x8000_0000 | index; // E = 1: always encrypted
    SrtpTransform.putInt(word, 0, eIndex);
    try {
      gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      gcm.updateAAD(buf, off, 8);
      gcm.updateAAD(word, 0, 4);
      int n = 8 + gcm.doFinal(buf, off + 8, len - 8, buf, off + 8);
      SrtpTransform.putInt(buf, off + n, eIndex);
      return n + 4;
    } catch (GeneralSecurityException e) {
      return SrtpError.CIPHER_ERROR.code();
    }
  }

  @Override
  public int unprotectRtcp(byte[] buf, int off, int len, int ssrc, int eIndex) {
    rtcpIv(ssrc, eIndex & 0x7FFF_FFFF);
    SrtpTransform.putInt(word, 0, eIndex);
    int sealed = len - 4; // header | ciphertext | tag
    // E = 0: everything is AAD and the "ciphertext" handed to the JCE is just the tag
    int clear = eIndex < 0 ? 8 : sealed - TAG;
    try {
      gcm.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      gcm.updateAAD(buf, off, clear);
      gcm.updateAAD(word, 0, 4);
      return clear + gcm.doFinal(buf, off + clear, sealed - clear, buf, off + clear);
    } catch (AEADBadTagException e) {
      return SrtpError.AUTH_FAILED.code();
    } catch (GeneralSecurityException e) {
      return SrtpError.CIPHER_ERROR.code();
    }
  }

  @Override
  public int srtcpIndexFromEnd() {
    return 4;
  }

  private void rtpIv(int ssrc, long index) {
    iv[0] = salt[0];
    iv[1] = salt[1];
    xorInt(2, ssrc);
    xorInt(6, (int) (index >>> 16)); // ROC
    iv[10] = (byte) (salt[10] ^ (index >>> 8));
    iv[11] = (byte) (salt[11] ^ index);
  }

  private void rtcpIv(int ssrc, int index) {
    iv[0] = salt[0];
    iv[1] = salt[1];
    xorInt(2, ssrc);
    iv[6] = salt[6];
    iv[7] = salt[7];
    xorInt(8, index);
  }

  private void xorInt(int at, int v) {
    iv[at] = (byte) (salt[at] ^ (v >>> 24));
    iv[at + 1] = (byte) (salt[at + 1] ^ (v >>> 16));
    iv[at + 2] = (byte) (salt[at + 2] ^ (v >>> 8));
    iv[at + 3] = (byte) (salt[at + 3] ^ v);
  }
}
