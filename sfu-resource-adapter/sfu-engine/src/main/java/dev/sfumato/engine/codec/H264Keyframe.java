package dev.sfumato.engine.codec;

import dev.sfumato.engine.rtp.Bytes;

/**
 * H.264 keyframe detection over the RFC 6184 §5 packetization modes. The first octet is a NAL unit
 * header {@code F|NRI(2)|Type(5)}:
 *
 * <ul>
 *   <li>1-23 single NAL unit (§5.6): a keyframe if it is an IDR slice (5) or an SPS (7), which
 *       encoders send right before an IDR;
 *   <li>24 STAP-A (§5.7.1): {@code header, (size(16), NAL unit)*}: a keyframe if any aggregated
 *       unit is an SPS or IDR;
 *   <li>28 FU-A (§5.8): {@code FU indicator, FU header S|E|R|Type}: a keyframe on the start
 *       fragment (S = 1) of an IDR or SPS.
 * </ul>
 *
 * STAP-B, MTAP and FU-B (interleaved mode) are not used by WebRTC and count as not a keyframe.
 */
final class H264Keyframe {

  static final int IDR = 5;
  static final int SPS = 7;
  static final int STAP_A = 24;
  static final int FU_A = 28;

  private H264Keyframe() {}

  static boolean isKeyframe(byte[] buf, int off, int len) {
    if (len < 1) {
      return false;
    }
    int type = buf[off] & 0x1F;
    if (type == STAP_A) {
      return stapAHasKeyframe(buf, off, len);
    }
    if (type == FU_A) {
      return len >= 2 && (buf[off + 1] & 0x80) != 0 && isKeyNal(buf[off + 1] & 0x1F);
    }
    return isKeyNal(type);
  }

  private static boolean isKeyNal(int type) {
    return type == IDR || type == SPS;
  }

  private static boolean stapAHasKeyframe(byte[] buf, int off, int len) {
    int p = off + 1;
    int end = off + len;
    while (end - p >= 3) { // a size field and at least one NAL header byte
      int size = Bytes.u16(buf, p);
      if (size == 0 || size > end - p - 2) {
        return false; // §5.7.1: a truncated aggregate is unusable
      }
      if (isKeyNal(buf[p + 2] & 0x1F)) {
        return true;
      }
      p += 2 + size;
    }
    return false;
  }
}
