package dev.sfumato.engine.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 3711 Appendix A index estimation and the §3.3.2 replay window, alone. */
class SsrcTableTest {

  @Test
  void estimatesTheRolloverCounterNearTheWrap() {
    SsrcTable table = new SsrcTable();
    int slot = table.add(1, 0xFFF0); // ROC 0, s_l 65520
    assertThat(table.estimateIndex(slot, 0x0005)).isEqualTo(0x1_0005L); // wrapped: ROC + 1
    assertThat(table.estimateIndex(slot, 0xFFEF)).isEqualTo(0xFFEFL);
    table.accept(slot, 0x1_0005L);
    assertThat(table.estimateIndex(slot, 0xFFFE)).isEqualTo(0xFFFEL); // late: ROC - 1
    assertThat(table.estimateIndex(slot, 0x8004)).isEqualTo(0x1_8004L); // 32767 ahead
    assertThat(table.estimateIndex(slot, 0x8006)).isEqualTo(0x8006L); // 32769 ahead: ROC - 1
  }

  @Test
  void aGuessBeforeRolloverZeroIsRefused() {
    SsrcTable table = new SsrcTable();
    int slot = table.add(1, 10);
    assertThat(table.estimateIndex(slot, 0xFFF0)).isEqualTo(-1);
  }

  @Test
  void theWindowSlidesByLessThanOneWordByAWordAndByMoreThanItsSize() {
    SsrcTable table = new SsrcTable();
    int slot = table.add(1, 1000);
    table.accept(slot, 990);
    table.accept(slot, 1030); // slide by 30
    assertThat(table.check(slot, 990)).isEqualTo(SrtpError.REPLAYED.code());
    assertThat(table.check(slot, 1000)).isEqualTo(SrtpError.REPLAYED.code());
    assertThat(table.check(slot, 991)).isZero();
    table.accept(slot, 1100); // slide by 70: 990 and 1000 move to the high word
    assertThat(table.check(slot, 1000)).isEqualTo(SrtpError.REPLAYED.code());
    assertThat(table.check(slot, 1030)).isEqualTo(SrtpError.REPLAYED.code());
    assertThat(table.check(slot, 973)).as("1100 - 127").isZero();
    assertThat(table.check(slot, 972)).isEqualTo(SrtpError.TOO_OLD.code());
    table.accept(slot, 1100 + 500);
    assertThat(table.check(slot, 1600)).isEqualTo(SrtpError.REPLAYED.code());
    assertThat(table.check(slot, 1599)).isZero();
    assertThat(table.check(slot, 1601)).isZero();
  }

  @Test
  void removeKeepsTheOtherSlotsFindable() {
    SsrcTable table = new SsrcTable();
    for (int s = 0; s < SsrcTable.MAX_SSRCS; s++) {
      assertThat(table.add(s, s)).isEqualTo(s);
    }
    assertThat(table.add(999, 0)).isEqualTo(-1);
    table.remove(5);
    assertThat(table.find(5)).isEqualTo(-1);
    int moved = table.find(SsrcTable.MAX_SSRCS - 1);
    assertThat(table.highest(moved)).isEqualTo(SsrcTable.MAX_SSRCS - 1);
    assertThat(table.size()).isEqualTo(SsrcTable.MAX_SSRCS - 1);
  }
}
