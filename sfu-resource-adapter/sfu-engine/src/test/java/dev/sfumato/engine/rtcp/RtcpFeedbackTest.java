package dev.sfumato.engine.rtcp;

import static dev.sfumato.engine.rtp.Hex.hex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sfumato.engine.rtp.Hex;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** NACK, PLI, FIR and REMB: read the hand-built vectors, write them back, reject truncation. */
class RtcpFeedbackTest {

  @Test
  void nackExpandsPidAndBlp() {
    byte[] buf = RtcpVectors.nack();
    assertThat(Nack.validate(buf, 0, buf.length)).isEqualTo(RtcpStatus.OK);
    assertThat(RtcpFeedback.senderSsrc(buf, 0)).isEqualTo(1);
    assertThat(RtcpFeedback.mediaSsrc(buf, 0)).isEqualTo(2);
    assertThat(Nack.fciCount(buf.length)).isEqualTo(1);
    assertThat(Nack.pid(buf, 0, 0)).isEqualTo(100);
    assertThat(Nack.blp(buf, 0, 0)).isEqualTo(5);
    int[] lost = new int[17];
    int n = Nack.lostSequences(buf, 0, buf.length, lost);
    assertThat(Arrays.copyOf(lost, n)).containsExactly(100, 101, 103);
    assertThat(Nack.lostSequences(buf, 0, buf.length, new int[2]))
        .as("stops when full")
        .isEqualTo(2);
  }

  @Test
  void nackWriterPacksTheSameBytes() {
    byte[] out = new byte[16];
    assertThat(Nack.write(out, 0, 1, 2, new int[] {100, 101, 103}, 3)).isEqualTo(16);
    assertThat(out).isEqualTo(RtcpVectors.nack());
  }

  @Test
  void nackWriterStartsANewFciPastSixteenAndAcrossTheWrap() {
    int[] seqs = {100, 116, 117, 118, 200, 200, 65535, 0, 15};
    int size = Nack.encodedSize(seqs, seqs.length);
    byte[] out = new byte[size];
    assertThat(Nack.write(out, 0, 1, 2, seqs, seqs.length)).isEqualTo(size).isEqualTo(12 + 4 * 4);
    assertThat(Hex.toHex(out, 12, 16))
        .isEqualTo(
            "0064 8000".replace(" ", "") // 100 + bit 15 (116)
                + "0075 0001".replace(" ", "") // 117 + bit 0 (118)
                + "00c8 0000".replace(" ", "") // 200 (duplicate dropped)
                + "ffff 8001".replace(" ", "")); // 65535 + 0 (bit 0) + 15 (bit 15)
    int[] lost = new int[64];
    int n = Nack.lostSequences(out, 0, size, lost);
    assertThat(Arrays.copyOf(lost, n)).containsExactly(100, 116, 117, 118, 200, 65535, 0, 15);
    assertThat(Nack.write(new byte[size - 1], 0, 1, 2, seqs, seqs.length)).isEqualTo(-1);
    assertThat(Nack.write(out, 0, 1, 2, seqs, 0)).isEqualTo(-1);
  }

  @Test
  void nackWithoutFciIsTruncated() {
    byte[] buf = hex("81cd0002 00000001 00000002 // generic NACK with no FCI");
    assertThat(Nack.validate(buf, 0, buf.length)).isEqualTo(RtcpStatus.TRUNCATED);
    assertThat(Nack.lostSequences(buf, 0, buf.length, new int[4])).isZero();
  }

  @Test
  void pliReadsAndWrites() {
    byte[] buf = RtcpVectors.pli();
    assertThat(Pli.validate(buf, 0, buf.length)).isEqualTo(RtcpStatus.OK);
    assertThat(RtcpFeedback.fmt(buf, 0)).isEqualTo(RtcpFeedback.FMT_PLI);
    assertThat(Pli.mediaSsrc(buf, 0)).isEqualTo(2);
    byte[] out = new byte[12];
    assertThat(Pli.write(out, 0, 1, 2)).isEqualTo(12);
    assertThat(out).isEqualTo(buf);
    assertThat(Pli.write(out, 1, 1, 2)).isEqualTo(-1);
    assertThat(Pli.validate(buf, 0, 8)).isEqualTo(RtcpStatus.TRUNCATED);
  }

  @Test
  void firReadsAndWritesWithSequenceNumber() {
    byte[] buf = RtcpVectors.fir();
    assertThat(Fir.validate(buf, 0, buf.length)).isEqualTo(RtcpStatus.OK);
    assertThat(Fir.entryCount(buf.length)).isEqualTo(1);
    assertThat(Fir.ssrc(buf, 0, 0)).isEqualTo(2);
    assertThat(Fir.sequenceNumber(buf, 0, 0)).isEqualTo(5);
    byte[] out = new byte[20];
    assertThat(Fir.write(out, 0, 1, 2, 5)).isEqualTo(20);
    assertThat(out).isEqualTo(buf);
    assertThat(Fir.write(out, 0, 1, 2, 261)).isEqualTo(20);
    assertThat(Fir.sequenceNumber(out, 0, 0)).as("8-bit seq nr wraps").isEqualTo(5);
  }

  @Test
  void truncatedFirIsADrop() {
    byte[] buf = hex("84ce0003 00000001 00000000", "00000002 // FCI cut after the SSRC");
    assertThat(Fir.validate(buf, 0, buf.length)).isEqualTo(RtcpStatus.TRUNCATED);
    assertThat(Fir.entryCount(buf.length)).isZero();
  }

  @Test
  void rembReadsExponentMantissaAndSsrcs() {
    byte[] buf = RtcpVectors.remb();
    assertThat(Remb.isRemb(buf, 0, buf.length)).isTrue();
    assertThat(Remb.validate(buf, 0, buf.length)).isEqualTo(RtcpStatus.OK);
    assertThat(Remb.bitrate(buf, 0)).isEqualTo(596_520);
    assertThat(Remb.ssrcCount(buf, 0)).isEqualTo(1);
    assertThat(Remb.ssrc(buf, 0, 0)).isEqualTo(2);
    assertThat(Remb.isRemb(RtcpVectors.pli(), 0, 12)).isFalse();
    byte[] notRemb = buf.clone();
    notRemb[15] = 'X';
    assertThat(Remb.isRemb(notRemb, 0, notRemb.length)).isFalse();
  }

  @Test
  void rembWriterNormalisesTheMantissaTo18Bits() {
    byte[] out = new byte[24];
    assertThat(Remb.write(out, 0, 1, 596_520, new long[] {2}, 1)).isEqualTo(24);
    assertThat(Hex.toHex(out, 0, 24))
        .isEqualTo(
            "8fce0005"
                + "00000001"
                + "00000000"
                + "52454d42"
                + "01"
                + "0a468a" // exp 2, mantissa 149130 (the smallest exponent that fits)
                + "00000002");
    assertThat(Remb.bitrate(out, 0)).isEqualTo(596_520);
    assertThat(Remb.write(out, 0, 1, 1_000_000_001L, new long[] {2}, 1)).isEqualTo(24);
    assertThat(Remb.bitrate(out, 0)).isBetween(1_000_000_001L - (1 << 12), 1_000_000_001L);
    assertThat(Remb.write(out, 0, 1, -1, new long[0], 0)).isEqualTo(-1);
  }

  @Test
  void rembWithHugeExponentSaturates() {
    byte[] buf = RtcpVectors.remb();
    buf[17] = (byte) 0xff; // exponent 63
    assertThat(Remb.bitrate(buf, 0)).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void rembWithShortSsrcListIsTruncated() {
    byte[] buf = RtcpVectors.remb();
    buf[16] = 2; // claims two SSRCs, one follows
    assertThat(Remb.validate(buf, 0, buf.length)).isEqualTo(RtcpStatus.TRUNCATED);
  }
}
