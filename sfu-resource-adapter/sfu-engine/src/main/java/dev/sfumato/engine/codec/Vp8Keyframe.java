package dev.sfumato.engine.codec;

/**
 * VP8 keyframe detection: RFC 7741 §4.3 payload header on the first packet of partition 0 (S = 1,
 * PID = 0), whose P bit (the low bit of the frame tag, RFC 6386 §9.1) is 0 for a key frame. A key
 * frame's tag is followed by the start code 9d 01 2a (RFC 6386 §9.1), checked too so a corrupt
 * inter frame is not taken for one.
 */
final class Vp8Keyframe {

  /** 3-byte frame tag + 3-byte start code; the dimensions may sit in the next packet. */
  private static final int MIN_KEYFRAME_HEADER = 6;

  private Vp8Keyframe() {}

  static boolean isKeyframe(byte[] buf, int off, int len) {
    if (len < 1 || (buf[off] & 0x17) != 0x10) { // S = 1, PID = 0
      return false;
    }
    int p = off + 1;
    if ((buf[off] & 0x80) != 0) { // X: walk I, L, T/K as in Vp8PayloadDescriptor
      if (len < 2) {
        return false;
      }
      int x = buf[off + 1] & 0xFF;
      p = off + 2;
      if ((x & 0x80) != 0) {
        p += (p < off + len && (buf[p] & 0x80) != 0) ? 2 : 1;
      }
      p += (x & 0x40) != 0 ? 1 : 0;
      p += (x & 0x30) != 0 ? 1 : 0;
    }
    if (off + len - p < MIN_KEYFRAME_HEADER) {
      return false;
    }
    return (buf[p] & 0x01) == 0
        && (buf[p + 3] & 0xFF) == 0x9D
        && buf[p + 4] == 0x01
        && buf[p + 5] == 0x2A;
  }
}
