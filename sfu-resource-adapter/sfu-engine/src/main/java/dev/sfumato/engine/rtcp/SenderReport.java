package dev.sfumato.engine.rtcp;

import dev.sfumato.engine.rtp.Bytes;

/**
 * RFC 3550 §6.4.1 sender report (PT 200), read in place from a sub-packet that {@link RtcpCompound}
 * returned, and written into a caller's buffer.
 *
 * <pre>
 * |V=2|P|    RC   |   PT=SR=200   |             length            |
 * |                         SSRC of sender                        |
 * |              NTP timestamp, most significant word             |
 * |             NTP timestamp, least significant word             |
 * |                         RTP timestamp                         |
 * |                     sender's packet count                     |
 * |                      sender's octet count                     |
 * |                 report blocks (RC × 24 bytes)                 |
 * </pre>
 */
public final class SenderReport {

  public static final int MIN_LENGTH = 28;

  private SenderReport() {}

  /** {@link RtcpStatus#OK}, or TRUNCATED if the sender info or the RC blocks do not fit. */
  public static RtcpStatus validate(byte[] buf, int off, int len) {
    if (len < MIN_LENGTH || len < MIN_LENGTH + ReportBlock.LENGTH * RtcpHeader.count(buf, off)) {
      return RtcpStatus.TRUNCATED;
    }
    return RtcpStatus.OK;
  }

  public static long ssrc(byte[] buf, int off) {
    return Bytes.u32(buf, off + 4);
  }

  /** The 64-bit NTP timestamp (32.32 fixed-point seconds since 1900). */
  public static long ntpTimestamp(byte[] buf, int off) {
    return (Bytes.u32(buf, off + 8) << 32) | Bytes.u32(buf, off + 12);
  }

  /** The middle 32 bits of the NTP timestamp: what receivers echo as LSR (§6.4.1). */
  public static long compactNtp(byte[] buf, int off) {
    return Bytes.u32(buf, off + 10);
  }

  public static long rtpTimestamp(byte[] buf, int off) {
    return Bytes.u32(buf, off + 16);
  }

  public static long packetCount(byte[] buf, int off) {
    return Bytes.u32(buf, off + 20);
  }

  public static long octetCount(byte[] buf, int off) {
    return Bytes.u32(buf, off + 24);
  }

  public static int reportCount(byte[] buf, int off) {
    return RtcpHeader.count(buf, off);
  }

  /** Fills {@code into} with report block {@code index} (< {@link #reportCount}). */
  public static void reportBlock(byte[] buf, int off, int index, ReportBlock into) {
    into.decode(buf, off + MIN_LENGTH + ReportBlock.LENGTH * index);
  }

  public static int encodedSize(int blockCount) {
    return MIN_LENGTH + ReportBlock.LENGTH * blockCount;
  }

  /**
   * Writes an SR with {@code blockCount} (≤ 31) report blocks.
   *
   * @return the length written, or -1 if it does not fit in {@code buf} or the count is out of
   *     range
   */
  public static int write(
      byte[] buf,
      int off,
      long ssrc,
      long ntpTimestamp,
      long rtpTimestamp,
      long packetCount,
      long octetCount,
      ReportBlock[] blocks,
      int blockCount) {
    int size = encodedSize(blockCount);
    if (blockCount < 0 || blockCount > 31 || !Bytes.inBounds(buf, off, size)) {
      return -1;
    }
    RtcpHeader.write(buf, off, blockCount, RtcpHeader.SR, size);
    Bytes.put32(buf, off + 4, ssrc);
    Bytes.put32(buf, off + 8, ntpTimestamp >>> 32);
    Bytes.put32(buf, off + 12, ntpTimestamp);
    Bytes.put32(buf, off + 16, rtpTimestamp);
    Bytes.put32(buf, off + 20, packetCount);
    Bytes.put32(buf, off + 24, octetCount);
    for (int i = 0; i < blockCount; i++) {
      blocks[i].encode(buf, off + MIN_LENGTH + ReportBlock.LENGTH * i);
    }
    return size;
  }
}
