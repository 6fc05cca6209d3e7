package dev.sfumato.engine.stun;

import java.util.zip.CRC32;

/**
 * FINGERPRINT, RFC 8489 §14.7: CRC-32 (ISO HDLC, as {@link CRC32}) of the message up to this
 * attribute, XOR 0x5354554e, with the length field already covering it. It is always the last
 * attribute and tells STUN apart from other protocols multiplexed on the same port.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Type 0x8028                  |  Length 4                     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  CRC-32 XOR 0x5354554e                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Holds one reused {@link CRC32}; not thread-safe.
 */
public final class Fingerprint {

  public static final int VALUE_BYTES = 4;
  public static final int ENCODED_SIZE = StunAttribute.HEADER_BYTES + VALUE_BYTES;

  /** "STUN" in ASCII, so that a CRC-32 over a non-STUN payload does not match by construction. */
  public static final int XOR = 0x5354554E;

  private final CRC32 crc = new CRC32();

  /** True if {@code message} carries FINGERPRINT and it matches. */
  public boolean verify(StunMessage message) {
    int attr = message.fingerprintOffset();
    if (attr < 0) {
      return false;
    }
    byte[] buf = message.buffer();
    return Bytes.int32(buf, attr + StunAttribute.HEADER_BYTES)
        == compute(buf, message.offset(), attr);
  }

  /**
   * Appends FINGERPRINT at {@code at} to the message starting at {@code messageOffset}, setting its
   * length field to end after this attribute.
   *
   * @return the offset after the attribute
   */
  public int encode(byte[] buf, int messageOffset, int at) {
    Bytes.put16(
        buf, messageOffset + 2, at + ENCODED_SIZE - messageOffset - StunMessage.HEADER_BYTES);
    Bytes.put16(buf, at, StunAttribute.FINGERPRINT);
    Bytes.put16(buf, at + 2, VALUE_BYTES);
    Bytes.put32(buf, at + StunAttribute.HEADER_BYTES, compute(buf, messageOffset, at));
    return at + ENCODED_SIZE;
  }

  private int compute(byte[] buf, int off, int end) {
    crc.reset();
    crc.update(buf, off, end - off);
    return (int) crc.getValue() ^ XOR;
  }
}
