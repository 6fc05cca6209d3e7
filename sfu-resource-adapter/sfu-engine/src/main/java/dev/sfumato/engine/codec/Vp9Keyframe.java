package dev.sfumato.engine.codec;

/**
 * VP9 keyframe detection from the RFC 9628 §4.2 payload descriptor, flexible (F = 1) and
 * non-flexible (F = 0) modes alike.
 *
 * <pre>
 *       0 1 2 3 4 5 6 7
 *      +-+-+-+-+-+-+-+-+
 *      |I|P|L|F|B|E|V|Z| (REQUIRED)
 * I:   |M| PICTURE ID  | (if I; M = 15-bit PictureID, second byte follows)
 * M:   | EXTENDED PID  |
 * L:   |  TID  |U| SID |D| (if L)
 *      |   TL0PICIDX   | (if L and F = 0)
 * P,F: | P_DIFF      |N| (if P and F, up to 3 times)
 * V:   | SS            |
 * </pre>
 *
 * A keyframe packet starts a frame (B = 1), is not inter-picture predicted (P = 0) and, when layer
 * indices are present, belongs to the base spatial layer (SID = 0): with spatial scalability only
 * the base layer of a key picture is decodable on its own; upper layers predict from it.
 */
final class Vp9Keyframe {

  private Vp9Keyframe() {}

  static boolean isKeyframe(byte[] buf, int off, int len) {
    if (len < 1) {
      return false;
    }
    int b0 = buf[off] & 0xFF;
    boolean interPredicted = (b0 & 0x40) != 0;
    boolean startOfFrame = (b0 & 0x08) != 0;
    if (interPredicted || !startOfFrame) {
      return false;
    }
    int p = off + 1;
    if ((b0 & 0x80) != 0) { // I
      if (p >= off + len) {
        return false;
      }
      p += (buf[p] & 0x80) != 0 ? 2 : 1;
    }
    if ((b0 & 0x20) != 0) { // L
      if (p >= off + len) {
        return false;
      }
      int sid = (buf[p] >>> 1) & 0x07;
      p += (b0 & 0x10) == 0 ? 2 : 1; // TL0PICIDX only in non-flexible mode
      if (sid != 0) {
        return false;
      }
    }
    // P = 0, so no P_DIFF; the descriptor must leave room for the frame itself.
    return p < off + len;
  }
}
