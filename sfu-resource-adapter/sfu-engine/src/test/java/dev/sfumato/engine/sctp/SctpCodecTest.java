package dev.sfumato.engine.sctp;

import static dev.sfumato.engine.rtp.Hex.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

class SctpCodecTest {

  private final CRC32C crc = new CRC32C();

  /** RFC 3720 §B.4 CRC32c vectors, sent least significant byte first as RFC 9260 App. A says. */
  @Test
  void crc32cMatchesTheIscsiVectorsInWireOrder() {
    byte[] zeros = new byte[32];
    crc.update(zeros);
    assertThat(Integer.reverseBytes((int) crc.getValue())).isEqualTo(0xaa36918a);
    byte[] ascending = new byte[32];
    for (int i = 0; i < 32; i++) {
      ascending[i] = (byte) i;
    }
    crc.reset();
    crc.update(ascending);
    assertThat(Integer.reverseBytes((int) crc.getValue())).isEqualTo(0x4e79dd46);
  }

  @Test
  void headerOnlyPacketWithKnownChecksumValidates() {
    byte[] p =
        hex(
            "1388 1388 // ports 5000 -> 5000",
            "00000000 // verification tag",
            "06a900e1 // CRC32c, least significant byte first");
    SctpPacket packet = new SctpPacket();
    assertThat(packet.wrap(p, 0, p.length)).isEqualTo(SctpStatus.OK);
    assertThat(packet.sourcePort()).isEqualTo(5000);
    assertThat(packet.nextChunk()).isFalse();
    p[5] ^= 1;
    assertThat(packet.wrap(p, 0, p.length)).isEqualTo(SctpStatus.BAD_CHECKSUM);
  }

  @Test
  void packetWalkRejectsShortAndOverlongChunks() {
    SctpPacket packet = new SctpPacket();
    assertThat(packet.wrap(new byte[11], 0, 11)).isEqualTo(SctpStatus.TOO_SHORT);
    assertThat(packet.wrap(new byte[4], 2, 11)).isEqualTo(SctpStatus.BAD_BOUNDS);
    byte[] p = sealed(hex("1388 1388 00000001 00000000", "0b 00 0010 // COOKIE ACK length 16"));
    assertThat(packet.wrap(p, 0, p.length)).isEqualTo(SctpStatus.OK);
    assertThat(packet.nextChunk()).isFalse();
    assertThat(packet.status()).isEqualTo(SctpStatus.BAD_LENGTH);
    p = sealed(hex("1388 1388 00000001 00000000", "0b 00 0004", "0e 01 0004"));
    assertThat(packet.wrap(p, 0, p.length)).isEqualTo(SctpStatus.OK);
    assertThat(packet.nextChunk()).isTrue();
    assertThat(packet.chunkType()).isEqualTo(ChunkType.COOKIE_ACK);
    assertThat(packet.nextChunk()).isTrue();
    assertThat(packet.chunkFlags()).isEqualTo(1);
    assertThat(packet.nextChunk()).isFalse();
    assertThat(packet.status()).isEqualTo(SctpStatus.OK);
  }

  private byte[] sealed(byte[] p) {
    SctpPacket.seal(crc, p, 0, p.length);
    return p;
  }

  @Test
  void dataChunkDecodesItsFieldsAndRoundTrips() {
    byte[] c =
        hex(
            "00 03 0013 // DATA, B|E, length 19",
            "00000010 // TSN 16",
            "0001 0002 // stream 1, SSN 2",
            "00000033 // PPID 51",
            "616263 // abc");
    DataChunk d = new DataChunk();
    assertThat(d.decode(c, 0, c.length)).isEqualTo(SctpStatus.OK);
    assertThat(d.tsn).isEqualTo(16);
    assertThat(d.streamId).isEqualTo(1);
    assertThat(d.ssn).isEqualTo(2);
    assertThat(d.ppid).isEqualTo(51);
    assertThat(d.begin() && d.end() && !d.unordered()).isTrue();
    assertThat(d.payloadLength).isEqualTo(3);
    assertThat(reencode(d, c.length)).isEqualTo(c);
    assertThat(d.decode(c, 0, 16)).isEqualTo(SctpStatus.MALFORMED);
  }

  @Test
  void initAckWithCookieAndExtensionsRoundTrips() {
    InitChunk i = new InitChunk();
    i.ack = true;
    i.initiateTag = 0x12345678;
    i.aRwnd = 1 << 20;
    i.outboundStreams = 65535;
    i.inboundStreams = 1024;
    i.initialTsn = -5;
    i.cookie = new byte[] {1, 2, 3, 4, 5};
    i.cookieOffset = 0;
    i.cookieLength = 5;
    i.forwardTsnSupported = true;
    i.extensionCount = 2;
    i.extensions[0] = ChunkType.FORWARD_TSN;
    i.extensions[1] = ChunkType.RE_CONFIG;
    byte[] buf = new byte[Be.pad4(i.encodedSize())];
    assertThat(i.encode(buf, 0)).isEqualTo(i.encodedSize());
    InitChunk back = new InitChunk();
    assertThat(back.decode(buf, 0, i.encodedSize())).isEqualTo(SctpStatus.OK);
    assertThat(back.ack).isTrue();
    assertThat(back.initiateTag).isEqualTo(0x12345678);
    assertThat(back.initialTsn).isEqualTo(-5);
    assertThat(back.inboundStreams).isEqualTo(1024);
    assertThat(back.forwardTsnSupported).isTrue();
    assertThat(back.supportsExtension(ChunkType.RE_CONFIG)).isTrue();
    assertThat(back.cookieLength).isEqualTo(5);
    assertThat(back.cookie[back.cookieOffset + 4]).isEqualTo((byte) 5);
    assertThat(reencode(back, i.encodedSize()))
        .isEqualTo(java.util.Arrays.copyOf(buf, i.encodedSize()));
  }

  @Test
  void initParametersAfterSupportedAddressTypesAreRead() {
    byte[] c =
        hex(
            "01 00 0034 // INIT, length 52",
            "11223344 // initiate tag",
            "00020000 // a_rwnd",
            "0400 0800 // OS 1024, MIS 2048",
            "00000007 // initial TSN",
            "000c 0006 0005 0000 // Supported Address Types: IPv4, padded",
            "8000 0004 // ECN capable (unknown, skip)",
            "c000 0004 // Forward-TSN-Supported",
            "8008 0006 c082 0000 // Supported Extensions: FORWARD-TSN, RE-CONFIG",
            "0099 0004 // unknown 00xx: stop here",
            "c000 0004");
    InitChunk i = new InitChunk();
    assertThat(i.decode(c, 0, c.length)).isEqualTo(SctpStatus.OK);
    assertThat(i.forwardTsnSupported).isTrue();
    assertThat(i.supportsExtension(ChunkType.RE_CONFIG)).isTrue();
    assertThat(i.supportsExtension(ChunkType.FORWARD_TSN)).isTrue();
    assertThat(i.inboundStreams).isEqualTo(2048);
  }

  @Test
  void initWithZeroTagIsMalformed() {
    byte[] c = hex("01 00 0014", "00000000", "00010000", "0001 0001", "00000001");
    assertThat(new InitChunk().decode(c, 0, c.length)).isEqualTo(SctpStatus.MALFORMED);
  }

  @Test
  void sackWithGapsAndDuplicatesRoundTrips() {
    byte[] c =
        hex(
            "03 00 001c // SACK, length 28",
            "00000064 // cum TSN ack 100",
            "00010000 // a_rwnd 65536",
            "0002 0001 // 2 gap blocks, 1 duplicate",
            "0002 0003 // gap 102-103",
            "0005 0005 // gap 105",
            "00000063 // duplicate 99");
    SackChunk s = new SackChunk();
    assertThat(s.decode(c, 0, c.length)).isEqualTo(SctpStatus.OK);
    assertThat(s.cumulativeTsnAck).isEqualTo(100);
    assertThat(s.gapCount).isEqualTo(2);
    assertThat(s.gapStart[1]).isEqualTo(5);
    assertThat(s.dups[0]).isEqualTo(99);
    assertThat(reencode(s, c.length)).isEqualTo(c);
    c[13] = 3; // three gaps claimed, fewer present
    assertThat(s.decode(c, 0, c.length)).isEqualTo(SctpStatus.BAD_LENGTH);
  }

  @Test
  void forwardTsnAndShutdownAndHeartbeatRoundTrip() {
    byte[] f = hex("c0 00 0010", "000000c8 // new cum 200", "0001 0005", "0003 0007");
    ForwardTsnChunk ft = new ForwardTsnChunk();
    assertThat(ft.decode(f, 0, f.length)).isEqualTo(SctpStatus.OK);
    assertThat(ft.streamCount).isEqualTo(2);
    assertThat(ft.ssns[1]).isEqualTo(7);
    assertThat(reencode(ft, f.length)).isEqualTo(f);

    byte[] sd = hex("07 00 0008", "000000c8");
    ShutdownChunk sc = new ShutdownChunk();
    assertThat(sc.decode(sd, 0, sd.length)).isEqualTo(SctpStatus.OK);
    assertThat(reencode(sc, sd.length)).isEqualTo(sd);

    byte[] hb = hex("04 00 000c", "0001 0008 // heartbeat info, length 8", "deadbeef");
    HeartbeatChunk h = new HeartbeatChunk();
    assertThat(h.decode(hb, 0, hb.length)).isEqualTo(SctpStatus.OK);
    assertThat(reencode(h, hb.length)).isEqualTo(hb);
    hb[7] = 0x20;
    assertThat(h.decode(hb, 0, hb.length)).isEqualTo(SctpStatus.BAD_LENGTH);
  }

  @Test
  void abortWithUserCauseAndBareChunksRoundTrip() {
    byte[] a = hex("06 01 000c // ABORT with T", "000c 0008 // user-initiated abort", "01020304");
    ErrorCauseChunk e = new ErrorCauseChunk();
    assertThat(e.decode(a, 0, a.length)).isEqualTo(SctpStatus.OK);
    assertThat(e.abort).isTrue();
    assertThat(e.flags).isEqualTo(ErrorCauseChunk.FLAG_T);
    assertThat(e.causeCode).isEqualTo(ErrorCauseChunk.CAUSE_USER_INITIATED_ABORT);
    assertThat(reencode(e, a.length)).isEqualTo(a);
    byte[] bare = hex("06 00 0004");
    assertThat(e.decode(bare, 0, 4)).isEqualTo(SctpStatus.OK);
    assertThat(e.causeCode).isZero();
    assertThat(reencode(e, 4)).isEqualTo(bare);

    BareChunk b = new BareChunk();
    byte[] sc = hex("0e 01 0004 // SHUTDOWN COMPLETE, T");
    assertThat(b.decode(sc, 0, 4)).isEqualTo(SctpStatus.OK);
    assertThat(reencode(b, 4)).isEqualTo(sc);

    byte[] ce = hex("0a 00 0008", "cafebabe");
    CookieEchoChunk echo = new CookieEchoChunk();
    assertThat(echo.decode(ce, 0, ce.length)).isEqualTo(SctpStatus.OK);
    assertThat(reencode(echo, ce.length)).isEqualTo(ce);
  }

  @Test
  void reconfigRequestAndResponseRoundTrip() {
    byte[] c =
        hex(
            "82 00 0024 // RE-CONFIG, length 36 (the first parameter padded to 20)",
            "000d 0012 // Outgoing SSN Reset Request, length 18",
            "00000001 // request seq",
            "00000000 // response seq",
            "00000063 // sender's last assigned TSN 99",
            "0007 0000 // stream 7 + padding",
            "0010 000c // Re-configuration Response, length 12",
            "00000005 // response seq",
            "00000001 // Success - Performed");
    ReconfigChunk r = new ReconfigChunk();
    assertThat(r.decode(c, 0, c.length)).isEqualTo(SctpStatus.OK);
    assertThat(r.paramCount).isEqualTo(2);
    assertThat(r.first.type).isEqualTo(ReconfigChunk.OUTGOING_RESET);
    assertThat(r.first.lastTsn).isEqualTo(99);
    assertThat(r.first.streamCount).isEqualTo(1);
    assertThat(r.first.streams[0]).isEqualTo(7);
    assertThat(r.second.type).isEqualTo(ReconfigChunk.RESPONSE);
    assertThat(r.second.result).isEqualTo(ReconfigChunk.RESULT_PERFORMED);
    assertThat(reencode(r, c.length)).isEqualTo(c);

    byte[] in = hex("82 00 000e", "000e 000a // Incoming SSN Reset Request", "00000009", "0003");
    assertThat(r.decode(in, 0, in.length)).isEqualTo(SctpStatus.OK);
    assertThat(r.first.type).isEqualTo(ReconfigChunk.INCOMING_RESET);
    assertThat(r.first.streams[0]).isEqualTo(3);
    assertThat(r.decode(hex("82 00 0004"), 0, 4)).isEqualTo(SctpStatus.TOO_SHORT);
  }

  private static byte[] reencode(SctpChunk chunk, int expectedLength) {
    byte[] out = new byte[Be.pad4(chunk.encodedSize()) + 4];
    int n = chunk.encode(out, 0);
    assertThat(n).isEqualTo(chunk.encodedSize()).isEqualTo(expectedLength);
    return java.util.Arrays.copyOf(out, n);
  }
}
