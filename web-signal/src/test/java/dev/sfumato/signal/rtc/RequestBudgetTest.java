package dev.sfumato.signal.rtc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The per-connection token bucket: a burst at once, then a steady rate. */
class RequestBudgetTest {
  private static final long T0 = 5_000_000_000L;
  private static final long SECOND = 1_000_000_000L;

  @Test
  void allowsTheBurstAtOnceThenRefuses() {
    RequestBudget budget = new RequestBudget();
    for (int i = 0; i < RequestBudget.BURST; i++) {
      assertThat(budget.take(T0)).as("request %d", i).isTrue();
    }
    assertThat(budget.take(T0)).isFalse();
    assertThat(budget.take(T0)).isFalse();
  }

  @Test
  void refillsAtTheSteadyRate() {
    RequestBudget budget = new RequestBudget();
    for (int i = 0; i < RequestBudget.BURST; i++) {
      budget.take(T0);
    }
    long later = T0 + SECOND;
    int granted = 0;
    while (budget.take(later)) {
      granted++;
    }
    assertThat(granted).isEqualTo(RequestBudget.PER_SECOND);
    assertThat(budget.take(later + SECOND / RequestBudget.PER_SECOND)).isTrue();
  }

  @Test
  void neverHoldsMoreThanTheBurst() {
    RequestBudget budget = new RequestBudget();
    budget.take(T0);
    long muchLater = T0 + 3_600 * SECOND;
    int granted = 0;
    while (budget.take(muchLater)) {
      granted++;
    }
    assertThat(granted).isEqualTo(RequestBudget.BURST);
  }

  @Test
  void aClientPingingNormallyNeverRunsDry() {
    RequestBudget budget = new RequestBudget();
    // Ten requests a second for ten minutes: far above livekit-client's ping every 5 s.
    for (int i = 0; i < 6_000; i++) {
      assertThat(budget.take(T0 + i * (SECOND / 10))).isTrue();
    }
  }
}
