package dev.sfumato.engine.rtcp;

import static dev.sfumato.engine.rtp.Hex.hex;

/** Hand-built RTCP packets shared by the unit tests and the fuzz seeds. */
final class RtcpVectors {

  private RtcpVectors() {}

  static byte[] senderReport() {
    return hex(
        "81 c8 000c // V=2 RC=1 PT=200 SR, length 12 (52 bytes)",
        "00000001 // SSRC of sender",
        "e1f2a3b4 80000000 // NTP timestamp, seconds . fraction (0.5 s)",
        "00012345 // RTP timestamp",
        "00000064 // sender's packet count 100",
        "00002710 // sender's octet count 10000",
        "00000002 // report block: SSRC_1",
        "19 // fraction lost 25/256",
        "fffffe // cumulative lost -2 (duplicates)",
        "0001ffff // extended highest sequence number",
        "00000020 // interarrival jitter 32",
        "a3b48000 // LSR",
        "00010000 // DLSR 1 s in 1/65536 s");
  }

  static byte[] sdesCname() {
    return hex(
        "81 ca 0003 // V=2 SC=1 PT=202 SDES, length 3 (16 bytes)",
        "00000001 // chunk SSRC",
        "01 03 616263 // CNAME, 3 bytes, 'abc'",
        "00 // end of item list",
        "0000 // padding to 32 bits");
  }

  static byte[] receiverReportEmpty() {
    return hex("80 c9 0001 // V=2 RC=0 PT=201 RR, length 1 (8 bytes)", "00000001 // SSRC");
  }

  static byte[] byeWithReason() {
    return hex(
        "81 cb 0002 // V=2 SC=1 PT=203 BYE, length 2 (12 bytes)",
        "00000001 // SSRC",
        "03 627965 // reason, 3 bytes, 'bye'");
  }

  static byte[] nack() {
    return hex(
        "81 cd 0003 // V=2 FMT=1 PT=205 RTPFB generic NACK, length 3 (16 bytes)",
        "00000001 // SSRC of packet sender",
        "00000002 // SSRC of media source",
        "0064 0005 // PID 100, BLP 0b101: 100, 101 and 103 lost");
  }

  static byte[] pli() {
    return hex(
        "81 ce 0002 // V=2 FMT=1 PT=206 PSFB PLI, length 2 (12 bytes)",
        "00000001 // SSRC of packet sender",
        "00000002 // SSRC of media source");
  }

  static byte[] fir() {
    return hex(
        "84 ce 0004 // V=2 FMT=4 PT=206 PSFB FIR, length 4 (20 bytes)",
        "00000001 // SSRC of packet sender",
        "00000000 // SSRC of media source: 0 (RFC 5104 §4.3.1.2)",
        "00000002 // FCI: SSRC of the stream",
        "05 000000 // seq nr 5, reserved");
  }

  static byte[] remb() {
    return hex(
        "8f ce 0005 // V=2 FMT=15 PT=206 PSFB AFB, length 5 (24 bytes)",
        "00000001 // SSRC of packet sender",
        "00000000 // SSRC of media source: 0",
        "52454d42 // 'REMB'",
        "01 // Num SSRC 1",
        "0d2345 // BR Exp 3 (000011), mantissa 0x12345: 74565 × 8 = 596520 bps",
        "00000002 // SSRC feedback");
  }

  /** Statuses for sequences 5-11: received, received, received (negative delta), lost, received. */
  static byte[] transportCc() {
    return hex(
        "8f cd 0007 // V=2 FMT=15 PT=205 RTPFB transport-cc, length 7 (32 bytes)",
        "00000001 // SSRC of packet sender",
        "00000002 // SSRC of media source",
        "0005 // base sequence number 5",
        "0007 // packet status count 7",
        "000001 // reference time 1 × 64 ms",
        "02 // feedback packet count 2",
        "2002 // run length chunk: T=0 S=01 (small delta) run=2 -> seq 5, 6",
        "e100 // status vector: T=1 S=1 (2-bit) 10 00 01 00 00 00 00 -> 7 large, 8 lost, 9 small,"
            + " 10 and 11 lost",
        "04 // seq 5: +4 ticks (1 ms)",
        "08 // seq 6: +8 ticks",
        "fffc // seq 7: -4 ticks (large/negative, 2 bytes signed)",
        "10 // seq 9: +16 ticks",
        "000000 // zero padding to 32 bits");
  }

  /** 1-bit status vector across the sequence number wrap, negative reference time. */
  static byte[] transportCcOneBitVector() {
    return hex(
        "8f cd 0005 // RTPFB transport-cc, length 5 (24 bytes)",
        "00000001 00000002 // sender, media SSRC",
        "fffe // base sequence number 65534",
        "0003 // status count 3",
        "ffffff // reference time -1",
        "00 // feedback packet count 0",
        "a800 // status vector: T=1 S=0 (1-bit) 1 0 1 0... -> 65534 received, 65535 lost, 0 rcvd",
        "01 02 // deltas: 1 tick, 2 ticks");
  }

  static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }
}
