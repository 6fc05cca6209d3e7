package dev.sfumato.engine.rtcp;

import dev.sfumato.engine.rtp.Bytes;

/**
 * RFC 4585 §6.3.1 picture loss indication (PSFB, FMT 1): the common feedback header and no FCI. The
 * media source SSRC names the stream that needs a keyframe.
 */
public final class Pli {

  public static final int LENGTH = RtcpFeedback.HEADER_LENGTH;

  private Pli() {}

  public static RtcpStatus validate(byte[] buf, int off, int len) {
    return len < LENGTH ? RtcpStatus.TRUNCATED : RtcpStatus.OK;
  }

  /** The SSRC of the stream that needs a keyframe. */
  public static long mediaSsrc(byte[] buf, int off) {
    return RtcpFeedback.mediaSsrc(buf, off);
  }

  /** Writes a PLI; returns 12, or -1 if it does not fit. */
  public static int write(byte[] buf, int off, long senderSsrc, long mediaSsrc) {
    if (!Bytes.inBounds(buf, off, LENGTH)) {
      return -1;
    }
    RtcpFeedback.writeHeader(
        buf, off, RtcpFeedback.FMT_PLI, RtcpHeader.PSFB, senderSsrc, mediaSsrc, LENGTH);
    return LENGTH;
  }
}
