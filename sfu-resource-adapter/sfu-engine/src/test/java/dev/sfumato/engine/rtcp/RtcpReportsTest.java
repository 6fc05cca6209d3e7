package dev.sfumato.engine.rtcp;

import static dev.sfumato.engine.rtp.Hex.hex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sfumato.engine.rtp.Hex;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** SR, RR, SDES and BYE: read the hand-built vectors, write them back byte for byte. */
class RtcpReportsTest {

  private final ReportBlock block = new ReportBlock();

  @Test
  void readsASenderReportAndItsBlock() {
    byte[] buf = RtcpVectors.senderReport();
    assertThat(SenderReport.validate(buf, 0, buf.length)).isEqualTo(RtcpStatus.OK);
    assertThat(SenderReport.ssrc(buf, 0)).isEqualTo(1);
    assertThat(SenderReport.ntpTimestamp(buf, 0)).isEqualTo(0xe1f2a3b480000000L);
    assertThat(SenderReport.compactNtp(buf, 0)).isEqualTo(0xa3b48000L);
    assertThat(SenderReport.rtpTimestamp(buf, 0)).isEqualTo(0x12345);
    assertThat(SenderReport.packetCount(buf, 0)).isEqualTo(100);
    assertThat(SenderReport.octetCount(buf, 0)).isEqualTo(10000);
    assertThat(SenderReport.reportCount(buf, 0)).isEqualTo(1);
    SenderReport.reportBlock(buf, 0, 0, block);
    assertThat(block.ssrc).isEqualTo(2);
    assertThat(block.fractionLost).isEqualTo(25);
    assertThat(block.cumulativeLost).isEqualTo(-2);
    assertThat(block.extendedHighestSequence).isEqualTo(0x1ffff);
    assertThat(block.jitter).isEqualTo(32);
    assertThat(block.lastSr).isEqualTo(0xa3b48000L);
    assertThat(block.delaySinceLastSr).isEqualTo(65536);
  }

  @Test
  void writesTheSameSenderReport() {
    byte[] expected = RtcpVectors.senderReport();
    SenderReport.reportBlock(expected, 0, 0, block);
    byte[] out = new byte[60];
    int n =
        SenderReport.write(
            out, 3, 1, 0xe1f2a3b480000000L, 0x12345, 100, 10000, new ReportBlock[] {block}, 1);
    assertThat(n).isEqualTo(52).isEqualTo(SenderReport.encodedSize(1));
    assertThat(Arrays.copyOfRange(out, 3, 3 + n)).isEqualTo(expected);
    assertThat(SenderReport.write(new byte[51], 0, 1, 0, 0, 0, 0, new ReportBlock[] {block}, 1))
        .isEqualTo(-1);
  }

  @Test
  void senderReportWithMissingBlocksIsTruncated() {
    byte[] buf = Arrays.copyOf(RtcpVectors.senderReport(), 28);
    assertThat(SenderReport.validate(buf, 0, 28)).isEqualTo(RtcpStatus.TRUNCATED);
    assertThat(SenderReport.validate(buf, 0, 24)).isEqualTo(RtcpStatus.TRUNCATED);
  }

  @Test
  void receiverReportRoundTrips() {
    byte[] out = new byte[64];
    ReportBlock written = new ReportBlock();
    written.ssrc = 0xfedcba98L;
    written.fractionLost = 255;
    written.cumulativeLost = 0x7fffff + 10; // clamped to the 24-bit maximum
    written.extendedHighestSequence = 0xffffffffL;
    written.jitter = 7;
    written.lastSr = 1;
    written.delaySinceLastSr = 2;
    int n = ReceiverReport.write(out, 0, 9, new ReportBlock[] {written}, 1);
    assertThat(n).isEqualTo(32);
    assertThat(Hex.toHex(out, 0, 8)).isEqualTo("81c90007" + "00000009");
    assertThat(Hex.toHex(out, 8, 8)).isEqualTo("fedcba98" + "ff7fffff");

    RtcpCompound compound = new RtcpCompound();
    compound.wrap(out, 0, n);
    assertThat(compound.next()).isTrue();
    assertThat(ReceiverReport.validate(out, 0, compound.packetLength())).isEqualTo(RtcpStatus.OK);
    assertThat(ReceiverReport.ssrc(out, 0)).isEqualTo(9);
    ReceiverReport.reportBlock(out, 0, 0, block);
    assertThat(block.ssrc).isEqualTo(0xfedcba98L);
    assertThat(block.cumulativeLost).isEqualTo(0x7fffff);
    assertThat(block.extendedHighestSequence).isEqualTo(0xffffffffL);

    byte[] empty = RtcpVectors.receiverReportEmpty();
    assertThat(ReceiverReport.write(out, 0, 1, new ReportBlock[0], 0)).isEqualTo(8);
    assertThat(Arrays.copyOf(out, 8)).isEqualTo(empty);
    assertThat(ReceiverReport.validate(hex("81c90001 00000001"), 0, 8))
        .isEqualTo(RtcpStatus.TRUNCATED);
  }

  @Test
  void sdesCnameReadsAndWritesTheSameBytes() {
    byte[] buf = RtcpVectors.sdesCname();
    Sdes sdes = new Sdes();
    sdes.wrap(buf, 0, buf.length);
    assertThat(sdes.nextChunk()).isTrue();
    assertThat(sdes.chunkSsrc()).isEqualTo(1);
    assertThat(new String(buf, sdes.cnameOffset(), sdes.cnameLength(), StandardCharsets.US_ASCII))
        .isEqualTo("abc");
    assertThat(sdes.nextChunk()).isFalse();
    assertThat(sdes.status()).isEqualTo(RtcpStatus.END);

    byte[] out = new byte[20];
    Arrays.fill(out, (byte) 0x55); // writer must zero the padding itself
    assertThat(Sdes.writeCname(out, 0, 1, "abc".getBytes(StandardCharsets.US_ASCII), 0, 3))
        .isEqualTo(16);
    assertThat(Arrays.copyOf(out, 16)).isEqualTo(buf);
  }

  @Test
  void sdesWalksSeveralChunksAndSkipsOtherItems() {
    byte[] buf =
        hex(
            "82 ca 0005 // SC=2 SDES, length 5 (24 bytes)",
            "00000001 // chunk 1",
            "02 02 6e6d // NAME 'nm' (not a CNAME)",
            "01 01 78 // CNAME 'x'",
            "00 // end of list, already on a 32-bit boundary",
            "00000002 // chunk 2: no CNAME",
            "04 01 65 00 // EMAIL 'e', end of list");
    Sdes sdes = new Sdes();
    sdes.wrap(buf, 0, buf.length);
    assertThat(sdes.nextChunk()).isTrue();
    assertThat(sdes.cnameLength()).isEqualTo(1);
    assertThat(buf[sdes.cnameOffset()]).isEqualTo((byte) 'x');
    assertThat(sdes.nextChunk()).isTrue();
    assertThat(sdes.chunkSsrc()).isEqualTo(2);
    assertThat(sdes.cnameOffset()).isEqualTo(-1);
    assertThat(sdes.nextChunk()).isFalse();
    assertThat(sdes.status()).isEqualTo(RtcpStatus.END);
  }

  @Test
  void sdesWithAnItemOverrunOrNoEndIsTruncated() {
    Sdes sdes = new Sdes();
    byte[] overrun = hex("81ca0002 00000001", "01 09 6162 // CNAME claims 9 bytes, 2 follow");
    sdes.wrap(overrun, 0, overrun.length);
    assertThat(sdes.nextChunk()).isFalse();
    assertThat(sdes.status()).isEqualTo(RtcpStatus.TRUNCATED);
    byte[] noEnd = hex("81ca0002 00000001", "01 02 6162 // no end-of-list octet");
    sdes.wrap(noEnd, 0, noEnd.length);
    assertThat(sdes.nextChunk()).isFalse();
    assertThat(sdes.status()).isEqualTo(RtcpStatus.TRUNCATED);
    byte[] missingChunk = hex("82ca0001 00000001 // SC=2 but one SSRC and no items");
    sdes.wrap(missingChunk, 0, missingChunk.length);
    assertThat(sdes.nextChunk()).isFalse();
    assertThat(sdes.status()).isEqualTo(RtcpStatus.TRUNCATED);
  }

  @Test
  void byeReadsSsrcsAndReason() {
    byte[] buf = RtcpVectors.byeWithReason();
    assertThat(Bye.validate(buf, 0, buf.length)).isEqualTo(RtcpStatus.OK);
    assertThat(Bye.ssrcCount(buf, 0)).isEqualTo(1);
    assertThat(Bye.ssrc(buf, 0, 0)).isEqualTo(1);
    int at = Bye.reasonOffset(buf, 0, buf.length);
    assertThat(new String(buf, at, Bye.reasonLength(buf, 0, buf.length), StandardCharsets.US_ASCII))
        .isEqualTo("bye");
    byte[] overrun = hex("81cb0002 00000001", "09 627965 // reason claims 9 bytes");
    assertThat(Bye.validate(overrun, 0, overrun.length)).isEqualTo(RtcpStatus.TRUNCATED);
    byte[] missing = hex("82cb0001 00000001 // SC=2, one SSRC");
    assertThat(Bye.validate(missing, 0, missing.length)).isEqualTo(RtcpStatus.TRUNCATED);
  }

  @Test
  void byeWriterRoundTrips() {
    byte[] out = new byte[12];
    assertThat(Bye.write(out, 0, new long[] {1, 0xffffffffL}, 2)).isEqualTo(12);
    assertThat(Hex.toHex(out, 0, 12)).isEqualTo("82cb0002" + "00000001" + "ffffffff");
    assertThat(Bye.validate(out, 0, 12)).isEqualTo(RtcpStatus.OK);
    assertThat(Bye.reasonOffset(out, 0, 12)).isEqualTo(-1);
    assertThat(Bye.ssrc(out, 0, 1)).isEqualTo(0xffffffffL);
    assertThat(Bye.write(out, 4, new long[] {1, 2}, 2)).isEqualTo(-1);
  }
}
