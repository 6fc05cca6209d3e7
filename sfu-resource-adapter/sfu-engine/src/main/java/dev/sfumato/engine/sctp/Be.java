package dev.sfumato.engine.sctp;

/** Big-endian (network order, RFC 9260 §3) reads and writes on byte arrays; no bounds checks. */
final class Be {

  private Be() {}

  static int u8(byte[] b, int at) {
    return b[at] & 0xFF;
  }

  static int u16(byte[] b, int at) {
    return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
  }

  /** A 32-bit field as an int; TSNs and tags are compared with serial arithmetic, not sign. */
  static int i32(byte[] b, int at) {
    return ((b[at] & 0xFF) << 24)
        | ((b[at + 1] & 0xFF) << 16)
        | ((b[at + 2] & 0xFF) << 8)
        | (b[at + 3] & 0xFF);
  }

  static void put8(byte[] b, int at, int v) {
    b[at] = (byte) v;
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

  /** Chunks and parameters are padded to 4 bytes (§3.2, §3.2.1). */
  static int pad4(int len) {
    return (len + 3) & ~3;
  }

  static boolean inBounds(byte[] buf, int off, int len) {
    return buf != null && off >= 0 && len >= 0 && off <= buf.length - len;
  }

  /** Serial-number comparison of 32-bit TSNs (RFC 9260 §1.6, RFC 1982). */
  static boolean tsnLt(int a, int b) {
    return a - b < 0;
  }

  static boolean tsnLe(int a, int b) {
    return a - b <= 0;
  }

  /** Serial-number comparison of 16-bit SSNs. */
  static boolean ssnLe(int a, int b) {
    return (short) (a - b) <= 0;
  }
}
