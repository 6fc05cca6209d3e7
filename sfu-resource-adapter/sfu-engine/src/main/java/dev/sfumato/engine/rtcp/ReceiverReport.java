package dev.sfumato.engine.rtcp;

import dev.sfumato.engine.rtp.Bytes;

/**
 * RFC 3550 §6.4.2 receiver report (PT 201).
 *
 * <pre>
 * |V=2|P|    RC   |   PT=RR=201   |             length            |
 * |                     SSRC of packet sender                     |
 * |                 report blocks (RC × 24 bytes)                 |
 * </pre>
 */
public final class ReceiverReport {

  public static final int MIN_LENGTH = 8;

  private ReceiverReport() {}

  /** {@link RtcpStatus#OK}, or TRUNCATED if the RC blocks do not fit. */
  public static RtcpStatus validate(byte[] buf, int off, int len) {
    if (len < MIN_LENGTH || len < MIN_LENGTH + ReportBlock.LENGTH * RtcpHeader.count(buf, off)) {
      return RtcpStatus.TRUNCATED;
    }
    return RtcpStatus.OK;
  }

  public static long ssrc(byte[] buf, int off) {
    return Bytes.u32(buf, off + 4);
  }

  public static int reportCount(byte[] buf, int off) {
    return RtcpHeader.count(buf, off);
  }

  public static void reportBlock(byte[] buf, int off, int index, ReportBlock into) {
    into.decode(buf, off + MIN_LENGTH + ReportBlock.LENGTH * index);
  }

  public static int encodedSize(int blockCount) {
    return MIN_LENGTH + ReportBlock.LENGTH * blockCount;
  }

  /** Writes an RR; returns its length, or -1 if it does not fit or the count is not 0-31. */
  public static int write(byte[] buf, int off, long ssrc, ReportBlock[] blocks, int blockCount) {
    int size = encodedSize(blockCount);
    if (blockCount < 0 || blockCount > 31 || !Bytes.inBounds(buf, off, size)) {
      return -1;
    }
    RtcpHeader.write(buf, off, blockCount, RtcpHeader.RR, size);
    Bytes.put32(buf, off + 4, ssrc);
    for (int i = 0; i < blockCount; i++) {
      blocks[i].encode(buf, off + MIN_LENGTH + ReportBlock.LENGTH * i);
    }
    return size;
  }
}
