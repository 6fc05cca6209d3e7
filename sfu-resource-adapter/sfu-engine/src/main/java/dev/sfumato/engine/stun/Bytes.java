package dev.sfumato.engine.stun;

/** Big-endian reads and writes with shifts: STUN is in network byte order (RFC 8489 §5). */
final class Bytes {

  private Bytes() {}

  static int uint16(byte[] b, int at) {
    return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
  }

  static int int32(byte[] b, int at) {
    return ((b[at] & 0xFF) << 24)
        | ((b[at + 1] & 0xFF) << 16)
        | ((b[at + 2] & 0xFF) << 8)
        | (b[at + 3] & 0xFF);
  }

  static long int64(byte[] b, int at) {
    return ((long) int32(b, at) << 32) | (int32(b, at + 4) & 0xFFFF_FFFFL);
  }

  static void put16(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 8);
    b[at + 1] = (byte) v;
  }

  static void put32(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
  }

  static void put64(byte[] b, int at, long v) {
    put32(b, at, (int) (v >>> 32));
    put32(b, at + 4, (int) v);
  }

  /** Zeroes the padding after a value of {@code valueLength} bytes ending at {@code valueEnd}. */
  static void zeroPadding(byte[] b, int valueEnd, int valueLength) {
    for (int i = valueLength; (i & 3) != 0; i++) {
      b[valueEnd++] = 0;
    }
  }

  /** Compares {@code n} bytes in time independent of where they differ (MAC checks). */
  static boolean constantTimeEquals(byte[] a, int aOff, byte[] b, int bOff, int n) {
    int diff = 0;
    for (int i = 0; i < n; i++) {
      diff |= a[aOff + i] ^ b[bOff + i];
    }
    return diff == 0;
  }
}
