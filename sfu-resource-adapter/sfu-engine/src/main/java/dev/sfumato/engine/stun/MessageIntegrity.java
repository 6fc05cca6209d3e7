package dev.sfumato.engine.stun;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * MESSAGE-INTEGRITY, RFC 8489 §14.5: HMAC-SHA1 (RFC 2104) over the message up to the attribute,
 * with the header's length field set as if the message ended right after MESSAGE-INTEGRITY (so a
 * FINGERPRINT added later does not change the MAC).
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Type 0x0008                  |  Length 20                    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    HMAC-SHA1 (20 bytes)                       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>One instance per key: for ICE the key is the short-term password (§9.1.1: OpaqueString of the
 * password; ICE passwords are ASCII ice-chars, so their bytes). Keyed once, then reused for every
 * packet with no allocation: the HMAC is computed here over a JCE SHA-1 {@link MessageDigest} (with
 * its intrinsics) because {@code javax.crypto.Mac.doFinal} allocates its result on every call. Not
 * thread-safe: owned by one worker.
 */
public final class MessageIntegrity {

  public static final int VALUE_BYTES = 20;
  public static final int ENCODED_SIZE = StunAttribute.HEADER_BYTES + VALUE_BYTES;

  private static final int SHA1_BLOCK_BYTES = 64;
  private static final byte IPAD = 0x36;
  private static final byte OPAD = 0x5C;

  private final MessageDigest sha1;
  private final byte[] innerPad = new byte[SHA1_BLOCK_BYTES];
  private final byte[] outerPad = new byte[SHA1_BLOCK_BYTES];
  private final byte[] lengthField = new byte[2];
  private final byte[] inner = new byte[VALUE_BYTES];
  private final byte[] mac = new byte[VALUE_BYTES];

  /** An HMAC-SHA1 keyed with {@code key} (not retained; hashed first if over 64 bytes). */
  public MessageIntegrity(byte[] key) {
    sha1 = newSha1();
    byte[] k = key.length > SHA1_BLOCK_BYTES ? sha1.digest(key) : key;
    for (int i = 0; i < SHA1_BLOCK_BYTES; i++) {
      byte b = i < k.length ? k[i] : 0;
      innerPad[i] = (byte) (b ^ IPAD);
      outerPad[i] = (byte) (b ^ OPAD);
    }
  }

  /** The short-term credential key for {@code password} (RFC 8489 §9.1.1). */
  public static MessageIntegrity forPassword(String password) {
    return new MessageIntegrity(password.getBytes(StandardCharsets.UTF_8));
  }

  /** True if {@code message} carries MESSAGE-INTEGRITY and it verifies with this key. */
  public boolean verify(StunMessage message) {
    int attr = message.messageIntegrityOffset();
    if (attr < 0) {
      return false;
    }
    byte[] buf = message.buffer();
    int off = message.offset();
    compute(buf, off, attr, attr + ENCODED_SIZE - off - StunMessage.HEADER_BYTES, mac, 0);
    return Bytes.constantTimeEquals(mac, 0, buf, attr + StunAttribute.HEADER_BYTES, VALUE_BYTES);
  }

  /**
   * Appends MESSAGE-INTEGRITY at {@code at} to the message starting at {@code messageOffset},
   * setting its length field to end after this attribute.
   *
   * @return the offset after the attribute
   */
  public int encode(byte[] buf, int messageOffset, int at) {
    int bodyLength = at + ENCODED_SIZE - messageOffset - StunMessage.HEADER_BYTES;
    Bytes.put16(buf, messageOffset + 2, bodyLength);
    Bytes.put16(buf, at, StunAttribute.MESSAGE_INTEGRITY);
    Bytes.put16(buf, at + 2, VALUE_BYTES);
    compute(buf, messageOffset, at, bodyLength, buf, at + StunAttribute.HEADER_BYTES);
    return at + ENCODED_SIZE;
  }

  /**
   * HMAC-SHA1 over {@code buf[off, end)} with the 16-bit length field (bytes 2-3 of the header)
   * replaced by {@code bodyLength}; result into {@code out[outOff, outOff + 20)}.
   */
  private void compute(byte[] buf, int off, int end, int bodyLength, byte[] out, int outOff) {
    Bytes.put16(lengthField, 0, bodyLength);
    try {
      sha1.update(innerPad);
      sha1.update(buf, off, 2);
      sha1.update(lengthField, 0, 2);
      sha1.update(buf, off + 4, end - off - 4);
      sha1.digest(inner, 0, VALUE_BYTES);
      sha1.update(outerPad);
      sha1.update(inner, 0, VALUE_BYTES);
      sha1.digest(out, outOff, VALUE_BYTES);
    } catch (DigestException e) {
      throw new IllegalStateException("SHA-1 output buffer too small", e); // sized above
    }
  }

  private static MessageDigest newSha1() {
    try {
      return MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JRE has SHA-1", e);
    }
  }
}
