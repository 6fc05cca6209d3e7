package dev.sfumato.engine.rtcp;

import static dev.sfumato.engine.rtp.Hex.hex;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TransportCcFeedbackTest {

  private final TransportCcFeedback feedback = new TransportCcFeedback(64);

  @Test
  void decodesRunLengthAndTwoBitVectorChunksWithSmallAndLargeDeltas() {
    byte[] buf = RtcpVectors.transportCc();
    assertThat(feedback.decode(buf, 0, buf.length)).isEqualTo(RtcpStatus.OK);
    assertThat(feedback.senderSsrc()).isEqualTo(1);
    assertThat(feedback.mediaSsrc()).isEqualTo(2);
    assertThat(feedback.baseSequence()).isEqualTo(5);
    assertThat(feedback.statusCount()).isEqualTo(7);
    assertThat(feedback.referenceTime()).isEqualTo(1);
    assertThat(feedback.feedbackCount()).isEqualTo(2);
    int[] symbols = new int[7];
    int[] deltas = new int[7];
    for (int i = 0; i < 7; i++) {
      symbols[i] = feedback.symbol(i);
      deltas[i] = feedback.deltaTicks(i);
    }
    assertThat(symbols).containsExactly(1, 1, 2, 0, 1, 0, 0);
    assertThat(deltas).containsExactly(4, 8, -4, 0, 16, 0, 0);
    assertThat(feedback.sequence(4)).isEqualTo(9);
    assertThat(feedback.received(3)).isFalse();
  }

  @Test
  void decodesOneBitVectorAcrossTheSequenceWrapWithNegativeReferenceTime() {
    byte[] buf = RtcpVectors.transportCcOneBitVector();
    assertThat(feedback.decode(buf, 0, buf.length)).isEqualTo(RtcpStatus.OK);
    assertThat(feedback.referenceTime()).isEqualTo(-1);
    assertThat(feedback.sequence(0)).isEqualTo(65534);
    assertThat(feedback.sequence(1)).isEqualTo(65535);
    assertThat(feedback.sequence(2)).isZero();
    assertThat(feedback.received(0)).isTrue();
    assertThat(feedback.received(1)).isFalse();
    assertThat(feedback.received(2)).isTrue();
    assertThat(feedback.deltaTicks(0)).isEqualTo(1);
    assertThat(feedback.deltaTicks(2)).isEqualTo(2);
  }

  @Test
  void missingChunksAreTruncated() {
    byte[] buf =
        hex("8fcd0005 00000001 00000002", "0005 0020 // 32 statuses", "000001 00", "2002 0404");
    assertThat(feedback.decode(buf, 0, buf.length)).isEqualTo(RtcpStatus.TRUNCATED);
  }

  @Test
  void missingDeltasAreTruncated() {
    byte[] buf = RtcpVectors.transportCc();
    assertThat(feedback.decode(buf, 0, 26))
        .as("cut inside the large delta")
        .isEqualTo(RtcpStatus.TRUNCATED);
    assertThat(feedback.decode(buf, 0, 19))
        .as("cut in the fixed part")
        .isEqualTo(RtcpStatus.TRUNCATED);
  }

  @Test
  void reservedSymbolIsMalformed() {
    byte[] buf =
        hex(
            "8fcd0005 00000001 00000002",
            "0005 0001 000001 00",
            "6001 // run length chunk with S=11 (reserved)",
            "0000");
    assertThat(feedback.decode(buf, 0, buf.length)).isEqualTo(RtcpStatus.MALFORMED);
  }

  @Test
  void moreStatusesThanCapacityIsTooLarge() {
    byte[] buf = hex("8fcd0005 00000001 00000002", "0005 0041 // 65 > 64", "000001 00", "00410000");
    assertThat(feedback.decode(buf, 0, buf.length)).isEqualTo(RtcpStatus.TOO_LARGE);
  }

  @Test
  void runLengthOfLostPacketsNeedsNoDeltas() {
    byte[] buf =
        hex(
            "8fcd0004 00000001 00000002",
            "0000 0040 // 64 statuses",
            "000000 00",
            "0040 // run length: S=00 (not received) × 64",
            "0000 // padding");
    assertThat(feedback.decode(buf, 0, buf.length)).isEqualTo(RtcpStatus.OK);
    assertThat(feedback.received(63)).isFalse();
  }
}
