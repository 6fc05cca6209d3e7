package dev.sfumato.engine.rtcp;

import dev.sfumato.engine.rtp.Bytes;

/**
 * Receiver estimated maximum bitrate, draft-alvestrand-rmcat-remb-03 §2.2: an application-layer
 * feedback message (PSFB, FMT 15) tagged "REMB". The bitrate is mantissa × 2^exp bits per second.
 *
 * <pre>
 * |V=2|P| FMT=15  |   PT=206      |             length            |
 * |                  SSRC of packet sender                        |
 * |                  SSRC of media source (0)                     |
 * |  Unique identifier 'R' 'E' 'M' 'B'                            |
 * |  Num SSRC     | BR Exp    |  BR Mantissa (18 bits)            |
 * |   SSRC feedback                                               |  × Num SSRC
 * </pre>
 */
public final class Remb {

  public static final int MIN_LENGTH = RtcpFeedback.HEADER_LENGTH + 8;

  private static final int ID = ('R' << 24) | ('E' << 16) | ('M' << 8) | 'B';
  private static final int MANTISSA_BITS = 18;
  private static final long MANTISSA_MAX = (1L << MANTISSA_BITS) - 1;

  private Remb() {}

  /** True if this PSFB sub-packet is a REMB (FMT 15 and the "REMB" identifier). */
  public static boolean isRemb(byte[] buf, int off, int len) {
    return len >= MIN_LENGTH
        && RtcpHeader.packetType(buf, off) == RtcpHeader.PSFB
        && RtcpFeedback.fmt(buf, off) == RtcpFeedback.FMT_AFB
        && Bytes.u32(buf, off + 12) == (ID & 0xFFFFFFFFL);
  }

  /** OK, or TRUNCATED if the SSRC list runs past the end. */
  public static RtcpStatus validate(byte[] buf, int off, int len) {
    if (len < MIN_LENGTH || len < MIN_LENGTH + 4 * ssrcCount(buf, off)) {
      return RtcpStatus.TRUNCATED;
    }
    return RtcpStatus.OK;
  }

  public static int ssrcCount(byte[] buf, int off) {
    return buf[off + 16] & 0xFF;
  }

  public static long ssrc(byte[] buf, int off, int index) {
    return Bytes.u32(buf, off + MIN_LENGTH + 4 * index);
  }

  /** Bits per second; {@link Long#MAX_VALUE} when the exponent would overflow a long. */
  public static long bitrate(byte[] buf, int off) {
    int exp = (buf[off + 17] & 0xFF) >>> 2;
    long mantissa = Bytes.u24(buf, off + 17) & MANTISSA_MAX;
    if (mantissa != 0 && exp > Long.numberOfLeadingZeros(mantissa) - 1) {
      return Long.MAX_VALUE;
    }
    return mantissa << exp;
  }

  public static int encodedSize(int ssrcCount) {
    return MIN_LENGTH + 4 * ssrcCount;
  }

  /**
   * Writes a REMB. The bitrate is rounded down to 18 significant bits.
   *
   * @return the length written, or -1 if it does not fit, n is not 0-255 or the bitrate is negative
   */
  public static int write(
      byte[] buf, int off, long senderSsrc, long bitrate, long[] ssrcs, int ssrcCount) {
    int size = encodedSize(ssrcCount);
    if (bitrate < 0 || ssrcCount < 0 || ssrcCount > 255 || !Bytes.inBounds(buf, off, size)) {
      return -1;
    }
    int exp = 0;
    long mantissa = bitrate;
    while (mantissa > MANTISSA_MAX) {
      mantissa >>>= 1;
      exp++;
    }
    RtcpFeedback.writeHeader(buf, off, RtcpFeedback.FMT_AFB, RtcpHeader.PSFB, senderSsrc, 0, size);
    Bytes.put32(buf, off + 12, ID);
    buf[off + 16] = (byte) ssrcCount;
    Bytes.put24(buf, off + 17, (exp << MANTISSA_BITS) | (int) mantissa);
    for (int i = 0; i < ssrcCount; i++) {
      Bytes.put32(buf, off + MIN_LENGTH + 4 * i, ssrcs[i]);
    }
    return size;
  }
}
