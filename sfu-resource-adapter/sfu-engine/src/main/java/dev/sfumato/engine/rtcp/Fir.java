package dev.sfumato.engine.rtcp;

import dev.sfumato.engine.rtp.Bytes;

/**
 * RFC 5104 §4.3.1 full intra request (PSFB, FMT 4). The header's media SSRC is 0 (§4.3.1.2); each
 * FCI names a stream and carries a command sequence number that the requester increments per new
 * request, so a repeated FCI is a retransmission, not a new request.
 *
 * <pre>
 * |V=2|P|  FMT=4  |   PT=206      |          length               |
 * |                  SSRC of packet sender                        |
 * |                  SSRC of media source (0)                     |
 * |                              SSRC                             |  × N
 * | Seq nr.       |    Reserved                                   |
 * </pre>
 */
public final class Fir {

  public static final int FCI_LENGTH = 8;
  public static final int LENGTH_ONE_ENTRY = RtcpFeedback.HEADER_LENGTH + FCI_LENGTH;

  private Fir() {}

  /** OK, or TRUNCATED without a whole FCI. */
  public static RtcpStatus validate(byte[] buf, int off, int len) {
    return len < LENGTH_ONE_ENTRY ? RtcpStatus.TRUNCATED : RtcpStatus.OK;
  }

  public static int entryCount(int len) {
    return Math.max(0, (len - RtcpFeedback.HEADER_LENGTH) / FCI_LENGTH);
  }

  public static long ssrc(byte[] buf, int off, int index) {
    return Bytes.u32(buf, off + RtcpFeedback.HEADER_LENGTH + FCI_LENGTH * index);
  }

  public static int sequenceNumber(byte[] buf, int off, int index) {
    return buf[off + RtcpFeedback.HEADER_LENGTH + FCI_LENGTH * index + 4] & 0xFF;
  }

  /** Writes a FIR with one FCI; returns 20, or -1 if it does not fit. */
  public static int write(byte[] buf, int off, long senderSsrc, long mediaSsrc, int sequenceNr) {
    if (!Bytes.inBounds(buf, off, LENGTH_ONE_ENTRY)) {
      return -1;
    }
    RtcpFeedback.writeHeader(
        buf, off, RtcpFeedback.FMT_FIR, RtcpHeader.PSFB, senderSsrc, 0, LENGTH_ONE_ENTRY);
    int fci = off + RtcpFeedback.HEADER_LENGTH;
    Bytes.put32(buf, fci, mediaSsrc);
    Bytes.put32(buf, fci + 4, (long) (sequenceNr & 0xFF) << 24); // reserved bits are 0
    return LENGTH_ONE_ENTRY;
  }
}
