package dev.sfumato.engine;

import java.util.concurrent.TimeUnit;

/**
 * A worker loop that runs in bounded slices, so that the thread running it is handed back to its
 * pool every {@link #SLICE_NANOS} and the launcher resubmits it.
 *
 * <p>Why slices: an application server counts a task that never returns as work in flight. Open
 * Liberty, when asked to stop, waits up to 30 s ("quiesce") for such tasks before it stops the
 * applications, and the application stop is what tells the engine to end. Tasks submitted once the
 * server is stopping are no longer waited for, so a loop that returns every quarter second lets the
 * server stop at once while media keeps flowing until the resource adapter stops.
 */
public interface SlicedLoop {

  /** Nanoseconds per slice: short enough for a prompt shutdown, long enough to cost nothing. */
  long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

  /**
   * Runs the loop on the calling thread for about {@code maxNanos}.
   *
   * @return true if the loop wants another slice, false once it has ended for good
   */
  boolean runSlice(long maxNanos);

  /**
   * Called instead of the next slice when the launcher cannot obtain a thread for it: the loop
   * releases everything it owns on the calling thread. Never called while a slice runs.
   */
  void abandon(String reason);
}
