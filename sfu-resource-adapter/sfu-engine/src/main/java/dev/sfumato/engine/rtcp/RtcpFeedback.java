package dev.sfumato.engine.rtcp;

import dev.sfumato.engine.rtp.Bytes;

/**
 * RFC 4585 §6.1 common feedback header, shared by RTPFB (205) and PSFB (206) messages; the FMT
 * field sits where reports keep their count.
 *
 * <pre>
 * |V=2|P|   FMT   |       PT      |          length               |
 * |                  SSRC of packet sender                        |
 * |                  SSRC of media source                         |
 * :            Feedback Control Information (FCI)                 :
 * </pre>
 */
public final class RtcpFeedback {

  public static final int HEADER_LENGTH = 12;

  /** RTPFB FMT 1, RFC 4585 §6.2.1. */
  public static final int FMT_NACK = 1;

  /** RTPFB FMT 15, draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1. */
  public static final int FMT_TRANSPORT_CC = 15;

  /** PSFB FMT 1, RFC 4585 §6.3.1. */
  public static final int FMT_PLI = 1;

  /** PSFB FMT 4, RFC 5104 §4.3.1. */
  public static final int FMT_FIR = 4;

  /** PSFB FMT 15, application layer feedback (RFC 4585 §6.4); REMB lives here. */
  public static final int FMT_AFB = 15;

  private RtcpFeedback() {}

  public static int fmt(byte[] buf, int off) {
    return RtcpHeader.count(buf, off);
  }

  public static long senderSsrc(byte[] buf, int off) {
    return Bytes.u32(buf, off + 4);
  }

  public static long mediaSsrc(byte[] buf, int off) {
    return Bytes.u32(buf, off + 8);
  }

  /** Writes the 12-byte header of a feedback message whose whole length is {@code totalLength}. */
  static void writeHeader(
      byte[] buf, int off, int fmt, int packetType, long sender, long media, int totalLength) {
    RtcpHeader.write(buf, off, fmt, packetType, totalLength);
    Bytes.put32(buf, off + 4, sender);
    Bytes.put32(buf, off + 8, media);
  }
}
