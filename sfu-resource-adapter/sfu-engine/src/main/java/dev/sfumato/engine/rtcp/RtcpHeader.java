package dev.sfumato.engine.rtcp;

import dev.sfumato.engine.rtp.Bytes;

/**
 * RFC 3550 §6.4.1 common RTCP header, shared by every message type.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|  count  |      PT       |    length (32-bit words - 1)  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * "count" is RC/SC for reports, SDES and BYE, and FMT for feedback (RFC 4585 §6.1).
 */
public final class RtcpHeader {

  public static final int LENGTH = 4;

  public static final int SR = 200;
  public static final int RR = 201;
  public static final int SDES = 202;
  public static final int BYE = 203;
  public static final int APP = 204;

  /** RFC 4585 §6.1: transport-layer feedback. */
  public static final int RTPFB = 205;

  /** RFC 4585 §6.1: payload-specific feedback. */
  public static final int PSFB = 206;

  private RtcpHeader() {}

  public static int count(byte[] buf, int off) {
    return buf[off] & 0x1F;
  }

  public static int packetType(byte[] buf, int off) {
    return buf[off + 1] & 0xFF;
  }

  /** The whole sub-packet length in bytes, from the length field. */
  public static int lengthBytes(byte[] buf, int off) {
    return (Bytes.u16(buf, off + 2) + 1) * 4;
  }

  /**
   * Writes a header without padding. {@code totalLength} must be a multiple of 4 and include the
   * header itself.
   */
  public static void write(byte[] buf, int off, int count, int packetType, int totalLength) {
    buf[off] = (byte) (0x80 | (count & 0x1F));
    buf[off + 1] = (byte) packetType;
    Bytes.put16(buf, off + 2, totalLength / 4 - 1);
  }
}
