package dev.sfumato.ra.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class SerialDispatcherTest {

  /** Runs tasks only when the test says so, to observe scheduling exactly. */
  private static final class ManualExecutor implements Executor {
    final Queue<Runnable> tasks = new ArrayDeque<>();

    @Override
    public void execute(Runnable task) {
      tasks.add(task);
    }

    void runAll() {
      Runnable task;
      while ((task = tasks.poll()) != null) {
        task.run();
      }
    }
  }

  private final ManualExecutor executor = new ManualExecutor();
  private final List<Integer> delivered = new ArrayList<>();
  private final List<Runnable> retries = new ArrayList<>();

  private SerialDispatcher<Integer> dispatcher(int capacity) {
    return new SerialDispatcher<>(
        "test",
        executor,
        item -> {
          delivered.add(item);
          return SerialDispatcher.Outcome.DONE;
        },
        (delay, task) -> retries.add(task),
        capacity);
  }

  @Test
  void deliversInOrderWithOneDrainTaskInFlight() {
    SerialDispatcher<Integer> dispatcher = dispatcher(100);
    for (int i = 0; i < 5; i++) {
      dispatcher.enqueue(i);
      dispatcher.kick();
    }
    assertThat(executor.tasks).hasSize(1);

    executor.runAll();
    assertThat(delivered).containsExactly(0, 1, 2, 3, 4);
    assertThat(dispatcher.pending()).isZero();
  }

  @Test
  void longQueueYieldsThreadBetweenBatches() {
    SerialDispatcher<Integer> dispatcher = dispatcher(1000);
    for (int i = 0; i < SerialDispatcher.BATCH + 10; i++) {
      dispatcher.enqueue(i);
    }
    dispatcher.kick();

    executor.tasks.poll().run();
    assertThat(delivered).hasSize(SerialDispatcher.BATCH);
    assertThat(executor.tasks).hasSize(1); // rescheduled itself for the rest

    executor.runAll();
    assertThat(delivered).hasSize(SerialDispatcher.BATCH + 10);
  }

  @Test
  void fullQueueDropsAndCounts() {
    SerialDispatcher<Integer> dispatcher = dispatcher(2);
    assertThat(dispatcher.enqueue(1)).isTrue();
    assertThat(dispatcher.enqueue(2)).isTrue();
    assertThat(dispatcher.enqueue(3)).isFalse();
    assertThat(dispatcher.dropped()).isEqualTo(1);
    dispatcher.kick();
    executor.runAll();
    assertThat(delivered).containsExactly(1, 2);
  }

  @Test
  void unavailableConsumerIsRetriedWithoutReordering() {
    int[] unavailable = {2};
    SerialDispatcher<Integer> dispatcher =
        new SerialDispatcher<>(
            "test",
            executor,
            item -> {
              if (unavailable[0]-- > 0) {
                return SerialDispatcher.Outcome.RETRY;
              }
              delivered.add(item);
              return SerialDispatcher.Outcome.DONE;
            },
            (delay, task) -> retries.add(task),
            100);
    dispatcher.enqueue(1);
    dispatcher.enqueue(2);
    dispatcher.kick();

    executor.runAll();
    assertThat(delivered).isEmpty();
    assertThat(retries).hasSize(1);
    dispatcher.enqueue(3);
    dispatcher.kick(); // still scheduled (waiting for the retry): no second drain
    assertThat(executor.tasks).isEmpty();

    retries.remove(0).run();
    executor.runAll();
    retries.remove(0).run();
    executor.runAll();
    assertThat(delivered).containsExactly(1, 2, 3);
  }

  @Test
  void closedDispatcherDeliversNothing() {
    SerialDispatcher<Integer> dispatcher = dispatcher(10);
    dispatcher.enqueue(1);
    dispatcher.kick();
    dispatcher.close();
    executor.runAll();
    assertThat(dispatcher.enqueue(2)).isFalse();
    assertThat(delivered).isEmpty();
  }
}
