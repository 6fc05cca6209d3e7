package dev.sfumato.engine.codec;

/**
 * AV1 keyframe detection from the aggregation header of the RTP payload format for AV1 (AOM, v1.0,
 * §4.4) and the first OBU it carries.
 *
 * <pre>
 *  0 1 2 3 4 5 6 7
 * +-+-+-+-+-+-+-+-+
 * |Z|Y| W |N|-|-|-|
 * +-+-+-+-+-+-+-+-+
 * </pre>
 *
 * N = 1 marks the first packet of a coded video sequence, which begins with a key frame. Without N,
 * a packet whose first OBU element starts an OBU (Z = 0) of type OBU_SEQUENCE_HEADER (1) also
 * starts one. The first element has a LEB128 length prefix unless W = 1 (a single element that runs
 * to the end of the payload).
 */
final class Av1Keyframe {

  static final int OBU_SEQUENCE_HEADER = 1;

  /** AV1 spec §4.10.5: leb128() reads at most 8 bytes. */
  private static final int MAX_LEB128_BYTES = 8;

  private Av1Keyframe() {}

  static boolean isKeyframe(byte[] buf, int off, int len) {
    if (len < 2) {
      return false;
    }
    int header = buf[off] & 0xFF;
    if ((header & 0x08) != 0) { // N
      return true;
    }
    if ((header & 0x80) != 0) { // Z: the first element continues an OBU from the last packet
      return false;
    }
    int w = (header >>> 4) & 0x03;
    int p = off + 1;
    int end = off + len;
    if (w != 1) {
      long elementLength = 0;
      int i = 0;
      while (true) {
        if (p >= end || i == MAX_LEB128_BYTES) {
          return false;
        }
        int b = buf[p++] & 0xFF;
        elementLength |= (long) (b & 0x7F) << (7 * i++);
        if ((b & 0x80) == 0) {
          break;
        }
      }
      if (elementLength < 1 || elementLength > end - p) {
        return false;
      }
    }
    // OBU header (AV1 spec §5.3.2): forbidden(1) obu_type(4) extension(1) has_size(1) reserved(1)
    return p < end && ((buf[p] >>> 3) & 0x0F) == OBU_SEQUENCE_HEADER;
  }
}
