package dev.sfumato.engine.codec;

import dev.sfumato.engine.rtp.Bytes;

/**
 * Tells whether an RTP payload starts a keyframe, so a consumer can switch layers or end a keyframe
 * request. Looks only at the payload descriptor and the first bytes of the codec payload; any
 * malformed or short payload is "not a keyframe", never an exception.
 */
public final class KeyframeDetector {

  private KeyframeDetector() {}

  /**
   * @param off absolute offset of the RTP payload ({@code RtpPacket.payloadOffset()})
   * @param len payload length, padding excluded
   */
  public static boolean isKeyframe(CodecKind kind, byte[] buf, int off, int len) {
    if (kind == null || !Bytes.inBounds(buf, off, len)) {
      return false;
    }
    switch (kind) {
      case VP8:
        return Vp8Keyframe.isKeyframe(buf, off, len);
      case VP9:
        return Vp9Keyframe.isKeyframe(buf, off, len);
      case H264:
        return H264Keyframe.isKeyframe(buf, off, len);
      case AV1:
        return Av1Keyframe.isKeyframe(buf, off, len);
      default:
        return false;
    }
  }
}
