package dev.sfumato.ra.inbound;

/** Runs a task later; backed by the BootstrapContext's timer in the server. */
@FunctionalInterface
public interface RetryScheduler {

  /**
   * @throws IllegalStateException if the scheduler is shut down
   */
  void schedule(long delayMillis, Runnable task);
}
