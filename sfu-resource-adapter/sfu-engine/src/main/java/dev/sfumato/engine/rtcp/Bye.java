package dev.sfumato.engine.rtcp;

import dev.sfumato.engine.rtp.Bytes;

/**
 * RFC 3550 §6.6 goodbye (PT 203).
 *
 * <pre>
 * |V=2|P|    SC   |   PT=BYE=203  |             length            |
 * |                           SSRC/CSRC                           |  × SC
 * |     length    |               reason for leaving            ...  (optional)
 * </pre>
 */
public final class Bye {

  private Bye() {}

  /** OK, or TRUNCATED if the SC SSRCs or the optional reason run past the end. */
  public static RtcpStatus validate(byte[] buf, int off, int len) {
    int afterSsrcs = RtcpHeader.LENGTH + 4 * RtcpHeader.count(buf, off);
    if (len < afterSsrcs) {
      return RtcpStatus.TRUNCATED;
    }
    if (len > afterSsrcs && (buf[off + afterSsrcs] & 0xFF) > len - afterSsrcs - 1) {
      return RtcpStatus.TRUNCATED;
    }
    return RtcpStatus.OK;
  }

  public static int ssrcCount(byte[] buf, int off) {
    return RtcpHeader.count(buf, off);
  }

  public static long ssrc(byte[] buf, int off, int index) {
    return Bytes.u32(buf, off + RtcpHeader.LENGTH + 4 * index);
  }

  /** Absolute offset of the reason text, or -1 if there is none (after {@link #validate}). */
  public static int reasonOffset(byte[] buf, int off, int len) {
    int afterSsrcs = RtcpHeader.LENGTH + 4 * RtcpHeader.count(buf, off);
    return len > afterSsrcs && buf[off + afterSsrcs] != 0 ? off + afterSsrcs + 1 : -1;
  }

  public static int reasonLength(byte[] buf, int off, int len) {
    int at = reasonOffset(buf, off, len);
    return at < 0 ? 0 : buf[at - 1] & 0xFF;
  }

  public static int encodedSize(int ssrcCount) {
    return RtcpHeader.LENGTH + 4 * ssrcCount;
  }

  /** Writes a BYE without reason; returns its length, or -1 if it does not fit or n is not 0-31. */
  public static int write(byte[] buf, int off, long[] ssrcs, int ssrcCount) {
    int size = encodedSize(ssrcCount);
    if (ssrcCount < 0 || ssrcCount > 31 || !Bytes.inBounds(buf, off, size)) {
      return -1;
    }
    RtcpHeader.write(buf, off, ssrcCount, RtcpHeader.BYE, size);
    for (int i = 0; i < ssrcCount; i++) {
      Bytes.put32(buf, off + RtcpHeader.LENGTH + 4 * i, ssrcs[i]);
    }
    return size;
  }
}
