package dev.sfumato.engine.srtp;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * HMAC-SHA1 (RFC 2104) over the JCA's SHA-1 {@link MessageDigest}, for SRTP authentication (RFC
 * 3711 §4.2.1).
 *
 * <p>Why not {@code Mac.getInstance("HmacSHA1")}: its {@code doFinal(byte[], int)} allocates the
 * inner digest and the result on every call (two 20-byte arrays per packet). This does the same
 * work — the ipad block, the message, the opad block, the inner digest: the JDK's HmacCore also
 * re-hashes the padded key on every message — on the same SHA-1 intrinsic, writing into reused
 * arrays.
 */
final class HmacSha1 {

  static final int LENGTH = 20;
  private static final int BLOCK = 64;

  private final MessageDigest sha1;
  private final byte[] ipad = new byte[BLOCK];
  private final byte[] opad = new byte[BLOCK];
  private final byte[] inner = new byte[LENGTH];
  private final byte[] word = new byte[4];

  HmacSha1(byte[] key) {
    try {
      sha1 = MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is mandatory in every JRE", e);
    }
    byte[] k = key.length > BLOCK ? sha1.digest(key) : key;
    for (int i = 0; i < BLOCK; i++) {
      byte b = i < k.length ? k[i] : 0;
      ipad[i] = (byte) (b ^ 0x36);
      opad[i] = (byte) (b ^ 0x5c);
    }
  }

  /** Starts a new MAC. */
  void start() {
    sha1.reset();
    sha1.update(ipad, 0, BLOCK);
  }

  void update(byte[] buf, int off, int len) {
    sha1.update(buf, off, len);
  }

  /** Adds a 32-bit big-endian value: the ROC that RFC 3711 §4.2 appends to the message. */
  void updateInt(int v) {
    word[0] = (byte) (v >>> 24);
    word[1] = (byte) (v >>> 16);
    word[2] = (byte) (v >>> 8);
    word[3] = (byte) v;
    sha1.update(word, 0, 4);
  }

  /** Writes the 20-byte MAC to {@code out[outOff..]}. */
  void finish(byte[] out, int outOff) {
    try {
      sha1.digest(inner, 0, LENGTH);
      sha1.update(opad, 0, BLOCK);
      sha1.update(inner, 0, LENGTH);
      sha1.digest(out, outOff, LENGTH);
    } catch (DigestException e) {
      throw new IllegalStateException("20 bytes always hold a SHA-1 digest", e);
    }
  }
}
