package dev.sfumato.engine.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkerTimersTest {

  private long now = Long.MAX_VALUE - 50; // deadlines must survive nanoTime wrap-around
  private final WorkerTimers timers = new WorkerTimers(() -> now);
  private final List<String> ran = new ArrayList<>();

  @Test
  void runsDueTimersInDeadlineOrderAcrossClockWrap() {
    timers.schedule(100, () -> ran.add("late"));
    timers.schedule(10, () -> ran.add("early"));
    timers.schedule(10, () -> ran.add("early-second"));
    assertThat(timers.nanosUntilNext()).isEqualTo(10);

    now += 10;
    assertThat(timers.runDue()).isEqualTo(2);
    assertThat(ran).containsExactly("early", "early-second");
    assertThat(timers.nanosUntilNext()).isEqualTo(90);

    now += 90;
    timers.runDue();
    assertThat(ran).containsExactly("early", "early-second", "late");
    assertThat(timers.nanosUntilNext()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void cancelledTimersNeverRunAndFailingTasksDoNotStopOthers() {
    timers.schedule(5, () -> ran.add("cancelled")).cancel();
    timers.schedule(
        5,
        () -> {
          throw new IllegalStateException("bug");
        });
    timers.schedule(5, () -> ran.add("after-failure"));

    now += 5;
    timers.runDue();
    assertThat(ran).containsExactly("after-failure");
    assertThat(timers.size()).isZero();
  }
}
