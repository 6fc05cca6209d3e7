package dev.sfumato.engine.worker;

import java.util.PriorityQueue;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deadlines run on the worker thread: the loop sleeps in {@code select} until the earliest one. ICE
 * consent checks, DTLS retransmits, RTCP reports and keyframe-request throttles will schedule here.
 * Confined to the worker thread.
 *
 * <p>A heap is enough for the few thousand timers a worker holds; swap in a hashed wheel if
 * profiling says otherwise, the interface stays.
 */
public final class WorkerTimers {

  private static final Logger LOG = Logger.getLogger(WorkerTimers.class.getName());

  /** A scheduled task; cancel it to keep it from running. */
  public static final class Timer {
    private final long deadline;
    private final long sequence;
    private final Runnable task;
    private boolean cancelled;

    private Timer(long deadline, long sequence, Runnable task) {
      this.deadline = deadline;
      this.sequence = sequence;
      this.task = task;
    }

    public void cancel() {
      cancelled = true;
    }
  }

  private final LongSupplier nanoClock;
  // Deadlines compared by difference: System.nanoTime() may wrap.
  private final PriorityQueue<Timer> queue =
      new PriorityQueue<>(
          (a, b) ->
              a.deadline != b.deadline
                  ? Long.signum(a.deadline - b.deadline)
                  : Long.compare(a.sequence, b.sequence));
  private long nextSequence;

  public WorkerTimers(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
  }

  public Timer schedule(long delayNanos, Runnable task) {
    Timer timer = new Timer(nanoClock.getAsLong() + Math.max(0, delayNanos), nextSequence++, task);
    queue.add(timer);
    return timer;
  }

  /** Nanoseconds until the earliest live timer, 0 if one is due, {@link Long#MAX_VALUE} if none. */
  public long nanosUntilNext() {
    Timer head;
    while ((head = queue.peek()) != null && head.cancelled) {
      queue.poll();
    }
    return head == null ? Long.MAX_VALUE : Math.max(0, head.deadline - nanoClock.getAsLong());
  }

  /**
   * Runs every due timer in deadline order; a failing task is logged and does not stop the rest.
   */
  public int runDue() {
    long now = nanoClock.getAsLong();
    int ran = 0;
    Timer head;
    while ((head = queue.peek()) != null && (head.cancelled || head.deadline - now <= 0)) {
      queue.poll();
      if (head.cancelled) {
        continue;
      }
      ran++;
      try {
        head.task.run();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "media worker timer task failed", e);
      }
    }
    return ran;
  }

  public int size() {
    return queue.size();
  }
}
