package dev.sfumato.engine.rtp;

import java.io.ByteArrayOutputStream;

/**
 * Annotated hex for byte-level tests: one field per line, "//" starts a comment, spaces are
 * ignored, e.g. {@code hex("80 60 // V=2 PT=96", "1234 // seq")}.
 */
public final class Hex {

  private Hex() {}

  public static byte[] hex(String... lines) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String line : lines) {
      int comment = line.indexOf("//");
      String digits = (comment < 0 ? line : line.substring(0, comment)).replaceAll("\\s", "");
      if (digits.length() % 2 != 0) {
        throw new IllegalArgumentException("odd hex digits in: " + line);
      }
      for (int i = 0; i < digits.length(); i += 2) {
        out.write(Integer.parseInt(digits.substring(i, i + 2), 16));
      }
    }
    return out.toByteArray();
  }

  /** {@code data} copied into a larger array at {@code offset}, with {@code tail} spare bytes. */
  public static byte[] at(int offset, byte[] data, int tail) {
    byte[] buf = new byte[offset + data.length + tail];
    System.arraycopy(data, 0, buf, offset, data.length);
    return buf;
  }

  public static String toHex(byte[] buf, int off, int len) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < len; i++) {
      sb.append(String.format("%02x", buf[off + i] & 0xFF));
    }
    return sb.toString();
  }
}
