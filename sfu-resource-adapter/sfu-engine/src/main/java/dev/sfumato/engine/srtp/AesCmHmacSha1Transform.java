package dev.sfumato.engine.srtp;

/**
 * SRTP_AES128_CM_HMAC_SHA1_80: AES-CM encryption (RFC 3711 §4.1.1) and HMAC-SHA1 authentication
 * truncated to 80 bits (§4.2.1).
 *
 * <pre>
 * SRTP  (§3.1): header | encrypted payload | tag(10)
 *               tag = HMAC(k_a, header | encrypted payload | ROC)[0..10)
 * SRTCP (§3.4): header(8) | encrypted rest | E + SRTCP index(4) | tag(10)
 *               tag = HMAC(k_a, header | encrypted rest | E + index)[0..10)
 * </pre>
 *
 * Encrypt-then-MAC: unprotect verifies the tag (in constant time) before it decrypts anything.
 */
final class AesCmHmacSha1Transform implements SrtpTransform {

  static final int TAG = 10;

  private final AesCtr ctr;
  private final HmacSha1 hmac;
  private final byte[] mac = new byte[HmacSha1.LENGTH];

  AesCmHmacSha1Transform(byte[] key, byte[] salt, byte[] authKey) {
    ctr = new AesCtr(key, salt);
    hmac = new HmacSha1(authKey);
  }

  @Override
  public int protectRtp(byte[] buf, int off, int headerLength, int len, int ssrc, long index) {
    if (!ctr.apply(ssrc, index, buf, off + headerLength, len - headerLength)) {
      return SrtpError.CIPHER_ERROR.code();
    }
    authenticate(buf, off, len, (int) (index >>> 16));
    System.arraycopy(mac, 0, buf, off + len, TAG);
    return len + TAG;
  }

  @Override
  public int unprotectRtp(byte[] buf, int off, int headerLength, int len, int ssrc, long index) {
    int n = len - TAG;
    authenticate(buf, off, n, (int) (index >>> 16));
    if (!tagMatches(buf, off + n)) {
      return SrtpError.AUTH_FAILED.code();
    }
    if (!ctr.apply(ssrc, index, buf, off + headerLength, n - headerLength)) {
      return SrtpError.CIPHER_ERROR.code();
    }
    return n;
  }

  @Override
  public int protectRtcp(byte[] buf, int off, int len, int ssrc, int index) {
    if (!ctr.apply(ssrc, index, buf, off + 8, len - 8)) {
      return SrtpError.CIPHER_ERROR.code();
    }
    SrtpTransform.putInt(buf, off + len, 0x8000_0000 | index); // E = 1: always encrypted
    hmac.start();
    hmac.update(buf, off, len + 4);
    hmac.finish(mac, 0);
    System.arraycopy(mac, 0, buf, off + len + 4, TAG);
    return len + 4 + TAG;
  }

  @Override
  public int unprotectRtcp(byte[] buf, int off, int len, int ssrc, int eIndex) {
    int n = len - 4 - TAG;
    hmac.start();
    hmac.update(buf, off, n + 4);
    hmac.finish(mac, 0);
    if (!tagMatches(buf, off + n + 4)) {
      return SrtpError.AUTH_FAILED.code();
    }
    if (eIndex < 0 && !ctr.apply(ssrc, eIndex & 0x7FFF_FFFF, buf, off + 8, n - 8)) {
      return SrtpError.CIPHER_ERROR.code();
    }
    return n;
  }

  @Override
  public int srtcpIndexFromEnd() {
    return 4 + TAG;
  }

  private void authenticate(byte[] buf, int off, int len, int roc) {
    hmac.start();
    hmac.update(buf, off, len);
    hmac.updateInt(roc);
    hmac.finish(mac, 0);
  }

  /** Constant-time comparison, so timing does not reveal how many tag bytes were right. */
  private boolean tagMatches(byte[] buf, int at) {
    int diff = 0;
    for (int i = 0; i < TAG; i++) {
      diff |= mac[i] ^ buf[at + i];
    }
    return diff == 0;
  }
}
