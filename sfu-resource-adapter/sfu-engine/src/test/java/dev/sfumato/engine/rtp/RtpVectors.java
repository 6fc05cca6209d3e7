package dev.sfumato.engine.rtp;

import static dev.sfumato.engine.rtp.Hex.hex;

/** Hand-built RTP packets shared by the unit tests and the fuzz seeds. */
final class RtpVectors {

  private RtpVectors() {}

  /** One-byte extensions: 1 audio level, 2 abs-send-time, 3 transport-cc, 4 rid "h". */
  static byte[] oneByteExtensions() {
    return hex(
        "90 e0 // V=2 P=0 X=1 CC=0 | M=1 PT=96",
        "1234 // sequence number 4660",
        "0001e240 // timestamp 123456",
        "deadbeef // SSRC",
        "bede 0003 // RFC 8285 one-byte profile, 3 words of extensions",
        "10 d5 // id=1 L=0 (1 byte): V=1 level=85 -dBov",
        "22 123456 // id=2 L=2 (3 bytes): abs-send-time 0x123456",
        "31 0102 // id=3 L=1 (2 bytes): transport-wide seq 258",
        "40 68 // id=4 L=0: rid 'h'",
        "00 // padding to the 32-bit boundary",
        "01020304 // payload");
  }

  /** Two-byte extensions, a CSRC and 3 bytes of RTP padding. */
  static byte[] twoByteExtensionsWithPadding() {
    return hex(
        "b1 60 // V=2 P=1 X=1 CC=1 | M=0 PT=96",
        "0001 // sequence number 1",
        "00000000 // timestamp 0",
        "00000001 // SSRC 1",
        "11111111 // CSRC 1",
        "1000 0002 // RFC 8285 two-byte profile (appbits 0), 2 words",
        "01 02 0a0b // id=1 len=2",
        "00 // padding octet between elements",
        "10 00 // id=16 len=0 (empty value is legal in the two-byte form)",
        "00 // padding to the 32-bit boundary",
        "aabb // payload",
        "000003 // RTP padding, last octet counts 3");
  }

  /** No CSRC, no extension, no padding: the common case. */
  static byte[] plain() {
    return hex(
        "80 6f // V=2 | M=0 PT=111",
        "ffff // sequence number 65535",
        "ffffffff // timestamp 2^32-1",
        "00000002 // SSRC 2",
        "0102030405 // payload");
  }
}
