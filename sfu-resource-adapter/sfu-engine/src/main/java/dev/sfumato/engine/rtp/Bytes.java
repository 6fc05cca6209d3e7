package dev.sfumato.engine.rtp;

/**
 * Network byte order (big-endian) reads and writes with shifts, shared by the RTP, RTCP and codec
 * parsers. Callers check bounds first: these helpers never do, so they stay branch-free.
 */
public final class Bytes {

  private Bytes() {}

  public static int u8(byte[] buf, int at) {
    return buf[at] & 0xFF;
  }

  public static int u16(byte[] buf, int at) {
    return ((buf[at] & 0xFF) << 8) | (buf[at + 1] & 0xFF);
  }

  public static int u24(byte[] buf, int at) {
    return ((buf[at] & 0xFF) << 16) | ((buf[at + 1] & 0xFF) << 8) | (buf[at + 2] & 0xFF);
  }

  /** An unsigned 32-bit field (SSRC, timestamp) as a non-negative long. */
  public static long u32(byte[] buf, int at) {
    return ((long) (buf[at] & 0xFF) << 24)
        | ((buf[at + 1] & 0xFF) << 16)
        | ((buf[at + 2] & 0xFF) << 8)
        | (buf[at + 3] & 0xFF);
  }

  public static void put16(byte[] buf, int at, int value) {
    buf[at] = (byte) (value >>> 8);
    buf[at + 1] = (byte) value;
  }

  public static void put24(byte[] buf, int at, int value) {
    buf[at] = (byte) (value >>> 16);
    buf[at + 1] = (byte) (value >>> 8);
    buf[at + 2] = (byte) value;
  }

  public static void put32(byte[] buf, int at, long value) {
    buf[at] = (byte) (value >>> 24);
    buf[at + 1] = (byte) (value >>> 16);
    buf[at + 2] = (byte) (value >>> 8);
    buf[at + 3] = (byte) value;
  }

  /** True if {@code [off, off + len)} lies inside {@code buf}; guards the public entry points. */
  public static boolean inBounds(byte[] buf, int off, int len) {
    return buf != null && off >= 0 && len >= 0 && off <= buf.length - len;
  }
}
