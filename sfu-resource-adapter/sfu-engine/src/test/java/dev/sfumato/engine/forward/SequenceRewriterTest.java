package dev.sfumato.engine.forward;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SequenceRewriterTest {
  private static final long FRAME_NANOS = 33_000_000L;

  @Test
  void anEpochLongerThanHalfTheSequenceSpaceKeepsForwarding() {
    // A regression: the epoch's first packet was compared in 16 bits, so from packet 32,768 on
    // every packet looked older than the epoch and the consumer went silent.
    SequenceRewriter r = new SequenceRewriter(90_000);
    int seq = 65_000;
    long ts = 1000;
    for (int i = 0; i < 200_000; i++) {
      assertThat(r.map(seq, ts, i * FRAME_NANOS)).as("packet %d", i).isTrue();
      assertThat(r.outSeq()).isEqualTo(seq); // the first epoch keeps the publisher's numbering
      seq = (seq + 1) & 0xFFFF;
      ts += 3000;
    }
  }

  @Test
  void reorderedPacketsInsideTheEpochPassAndOlderOnesAreDropped() {
    SequenceRewriter r = new SequenceRewriter(90_000);
    for (int s = 100; s < 20_000; s++) {
      assertThat(r.map(s, s * 10L, s)).isTrue();
    }
    assertThat(r.map(19_990, 199_900, 20_000)).as("late but inside the epoch").isTrue();
    assertThat(r.outSeq()).isEqualTo(19_990);
    // 19,901 behind the highest: unambiguously older (less than half the 16-bit space)
    assertThat(r.map(99, 990, 20_001)).as("before the epoch's first packet").isFalse();
  }

  @Test
  void aNewEpochContinuesTheOutputSequenceAndDropsTheOldNumbering() {
    SequenceRewriter r = new SequenceRewriter(90_000);
    r.map(1000, 0, 0);
    r.map(1001, 3000, FRAME_NANOS);
    r.resync();
    assertThat(r.map(50_000, 777_000, 2 * FRAME_NANOS)).isTrue();
    assertThat(r.outSeq()).isEqualTo(1002);
    assertThat(r.map(50_001, 780_000, 3 * FRAME_NANOS)).isTrue();
    assertThat(r.outSeq()).isEqualTo(1003);
    assertThat(r.map(49_999, 774_000, 3 * FRAME_NANOS)).as("older than the new epoch").isFalse();
    assertThat(r.inputOf(1003)).isEqualTo(50_001);
    assertThat(r.inputOf(1001)).as("sent in the previous epoch").isEqualTo(-1);
  }

  @Test
  void nacksMapBackAcrossWraps() {
    SequenceRewriter r = new SequenceRewriter(48_000);
    r.map(10, 0, 0);
    r.resync();
    int seq = 30_000;
    for (int i = 0; i < 100_000; i++) {
      r.map(seq, i * 960L, i * 20_000_000L);
      seq = (seq + 1) & 0xFFFF;
    }
    int lastIn = (seq - 1) & 0xFFFF;
    int lastOut = r.outSeq();
    assertThat(r.inputOf(lastOut)).isEqualTo(lastIn);
    assertThat(r.inputOf((lastOut - 100) & 0xFFFF)).isEqualTo((lastIn - 100) & 0xFFFF);
    assertThat(r.inputOf((lastOut + 5) & 0xFFFF)).as("never sent").isEqualTo(-1);
  }
}
