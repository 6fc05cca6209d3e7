package dev.sfumato.engine.sctp;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The State Cookie of RFC 9260 §5.1.3: everything needed to build the association's state from a
 * COOKIE ECHO, plus a creation time, signed with HMAC-SHA256 under a secret that never leaves this
 * endpoint. An INIT therefore creates no state (§5.1 step B); a COOKIE ECHO is checked for its MAC
 * and its lifetime (§5.1.5 steps 1-3) before anything is created.
 *
 * <pre>
 * | creation time, ms (64)                                        |
 * | our tag | peer tag | our initial TSN | peer initial TSN | peer a_rwnd |
 * | peer OS (16) | peer MIS (16) | flags (32: 1 = peer FORWARD-TSN, 2 = peer RE-CONFIG)  |
 * | HMAC-SHA256 over all of the above (32 bytes)                  |
 * </pre>
 */
final class StateCookie {

  static final int BODY_LENGTH = 36;
  static final int LENGTH = BODY_LENGTH + 32;
  static final int FLAG_FORWARD_TSN = 1;
  static final int FLAG_RECONFIG = 2;

  long createdMillis;
  int localTag;
  int peerTag;
  int localInitialTsn;
  int peerInitialTsn;
  int peerRwnd;
  int peerOutboundStreams;
  int peerInboundStreams;
  int flags;

  private final Mac mac;
  private final byte[] tag = new byte[32];

  StateCookie(byte[] secret) {
    try {
      mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required of every JDK", e);
    }
  }

  /** Writes the signed cookie ({@link #LENGTH} bytes) at {@code off}. */
  void write(byte[] buf, int off) {
    Be.put32(buf, off, (int) (createdMillis >>> 32));
    Be.put32(buf, off + 4, (int) createdMillis);
    Be.put32(buf, off + 8, localTag);
    Be.put32(buf, off + 12, peerTag);
    Be.put32(buf, off + 16, localInitialTsn);
    Be.put32(buf, off + 20, peerInitialTsn);
    Be.put32(buf, off + 24, peerRwnd);
    Be.put16(buf, off + 28, peerOutboundStreams);
    Be.put16(buf, off + 30, peerInboundStreams);
    Be.put32(buf, off + 32, flags);
    sign(buf, off);
    System.arraycopy(tag, 0, buf, off + BODY_LENGTH, 32);
  }

  /**
   * Fills this object from a cookie only if its MAC verifies and it is at most {@code
   * lifetimeMillis} old; false (and nothing read) otherwise.
   */
  boolean verify(byte[] buf, int off, int len, long nowMillis, long lifetimeMillis) {
    if (len != LENGTH) {
      return false;
    }
    sign(buf, off);
    byte[] got = new byte[32];
    System.arraycopy(buf, off + BODY_LENGTH, got, 0, 32);
    if (!MessageDigest.isEqual(tag, got)) { // constant time
      return false;
    }
    long created = ((long) Be.i32(buf, off) << 32) | (Be.i32(buf, off + 4) & 0xFFFFFFFFL);
    long age = nowMillis - created;
    if (age < 0 || age > lifetimeMillis) {
      return false; // §5.1.5 step 3: stale
    }
    createdMillis = created;
    localTag = Be.i32(buf, off + 8);
    peerTag = Be.i32(buf, off + 12);
    localInitialTsn = Be.i32(buf, off + 16);
    peerInitialTsn = Be.i32(buf, off + 20);
    peerRwnd = Be.i32(buf, off + 24);
    peerOutboundStreams = Be.u16(buf, off + 28);
    peerInboundStreams = Be.u16(buf, off + 30);
    flags = Be.i32(buf, off + 32);
    return true;
  }

  private void sign(byte[] buf, int off) {
    mac.update(buf, off, BODY_LENGTH);
    try {
      mac.doFinal(tag, 0);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("32-byte output buffer is always large enough", e);
    }
  }
}
