package dev.sfumato.bench;

import java.util.concurrent.locks.LockSupport;

/**
 * Calls a step at a fixed rate on the calling thread until a deadline, parking in between, so a
 * measured thread sleeps between packets the way a media worker waits in {@code select}. Falls
 * behind gracefully: overdue steps run back to back.
 */
final class Pacer {

  /** One paced action; returns false to stop early. */
  interface Step {
    boolean run(long index);
  }

  private Pacer() {}

  /** Runs until {@code deadlineNanos} ({@link System#nanoTime}) or {@code stop} turns true. */
  static long run(
      double perSecond, long deadlineNanos, Step step, java.util.function.BooleanSupplier stop) {
    long period = (long) (1e9 / perSecond);
    long next = System.nanoTime();
    long index = 0;
    while (!stop.getAsBoolean()) {
      long now = System.nanoTime();
      if (now >= deadlineNanos) {
        break;
      }
      if (now < next) {
        LockSupport.parkNanos(next - now);
        continue;
      }
      if (!step.run(index++)) {
        break;
      }
      next += period;
    }
    return index;
  }
}
