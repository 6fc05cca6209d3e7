package dev.sfumato.engine.srtp;

import java.util.HexFormat;

/** Hex vectors as the RFCs print them: whitespace between groups is ignored. */
final class Hex {
  private Hex() {}

  static byte[] bytes(String hex) {
    return HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
  }

  static String of(byte[] b, int off, int len) {
    return HexFormat.of().formatHex(b, off, off + len);
  }
}
