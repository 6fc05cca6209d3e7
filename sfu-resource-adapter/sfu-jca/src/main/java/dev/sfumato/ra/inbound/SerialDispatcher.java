package dev.sfumato.ra.inbound;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers items one at a time, in order, on borrowed executor threads: a queue drained by one task
 * that is scheduled when the queue goes non-empty. Producers (media threads) only enqueue, so a
 * slow consumer never stalls them; it fills its own bounded queue instead.
 */
public final class SerialDispatcher<T> {

  /** The consumer's answer for one item. */
  public enum Outcome {
    DONE,
    /** The consumer is temporarily unavailable: keep the item and try again later. */
    RETRY
  }

  /** Delivers one item; must not throw. */
  @FunctionalInterface
  public interface Delivery<T> {
    Outcome deliver(T item);
  }

  /**
   * Items one drain task delivers before yielding its thread, so one busy endpoint does not hold a
   * pooled thread indefinitely.
   */
  static final int BATCH = 64;

  /** First retry delay; doubled per attempt up to {@link #MAX_RETRY_DELAY_MILLIS}. */
  static final long FIRST_RETRY_DELAY_MILLIS = 50;

  static final long MAX_RETRY_DELAY_MILLIS = 5_000;

  /** About a minute of retries: an endpoint still unavailable then has gone for good. */
  static final int MAX_ATTEMPTS = 20;

  private static final Logger LOG = Logger.getLogger(SerialDispatcher.class.getName());

  private final String name;
  private final Executor executor;
  private final Delivery<T> delivery;
  private final RetryScheduler retry;
  private final int capacity;
  private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger size = new AtomicInteger();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final AtomicLong dropped = new AtomicLong();
  private final Runnable drainTask = this::drain;
  private volatile boolean closed;
  private int attempts; // only touched by the single drain task

  public SerialDispatcher(
      String name, Executor executor, Delivery<T> delivery, RetryScheduler retry, int capacity) {
    this.name = name;
    this.executor = executor;
    this.delivery = delivery;
    this.retry = retry;
    this.capacity = capacity;
  }

  /**
   * Queues an item without scheduling delivery (call {@link #kick()} after, outside any lock).
   *
   * @return false if the queue is full or closed: the item is dropped and counted
   */
  public boolean enqueue(T item) {
    if (closed) {
      return false;
    }
    if (size.incrementAndGet() > capacity) {
      size.decrementAndGet();
      long total = dropped.incrementAndGet();
      if (Long.bitCount(total) == 1) { // log at 1, 2, 4, 8…: visible but never a log flood
        LOG.warning(() -> name + ": consumer too slow, " + total + " events dropped so far");
      }
      return false;
    }
    queue.offer(item);
    return true;
  }

  /** Makes sure a drain task is scheduled if there is anything to deliver. */
  public void kick() {
    if (!closed && !queue.isEmpty() && scheduled.compareAndSet(false, true)) {
      submitDrain();
    }
  }

  public void close() {
    closed = true;
    queue.clear();
    size.set(0);
  }

  public long dropped() {
    return dropped.get();
  }

  public int pending() {
    return size.get();
  }

  private void submitDrain() {
    try {
      executor.execute(drainTask);
    } catch (RejectedExecutionException e) {
      scheduled.set(false);
      LOG.log(Level.WARNING, name + ": executor rejected delivery; retrying on next event", e);
    }
  }

  private void drain() {
    for (int n = 0; n < BATCH && !closed; n++) {
      T item = queue.peek();
      if (item == null) {
        break;
      }
      if (delivery.deliver(item) == Outcome.RETRY && retryLater(item)) {
        return; // stays scheduled: the retry timer resubmits this task
      }
      attempts = 0;
      queue.poll();
      size.decrementAndGet();
    }
    scheduled.set(false);
    kick(); // items that arrived after the last peek, or the rest of a long queue
  }

  private boolean retryLater(T item) {
    if (retry == null || ++attempts > MAX_ATTEMPTS) {
      LOG.warning(() -> name + ": endpoint unavailable, dropping " + item);
      return false;
    }
    long delay =
        Math.min(MAX_RETRY_DELAY_MILLIS, FIRST_RETRY_DELAY_MILLIS << Math.min(attempts - 1, 16));
    try {
      retry.schedule(delay, this::submitDrain);
      return true;
    } catch (IllegalStateException e) { // timer gone: the adapter is stopping
      return false;
    }
  }
}
