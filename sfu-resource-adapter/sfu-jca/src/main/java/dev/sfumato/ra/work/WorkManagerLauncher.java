package dev.sfumato.ra.work;

import dev.sfumato.engine.LoopLauncher;
import jakarta.resource.spi.work.WorkManager;

/** Runs each media loop as a long-running Work on a WorkManager thread. */
public final class WorkManagerLauncher implements LoopLauncher {

  /**
   * How long to wait for the container to hand us a thread. The default executor starts a Work in
   * milliseconds; ten seconds means the pool is exhausted and failing the start is the honest
   * answer.
   */
  static final long START_TIMEOUT_MILLIS = 10_000;

  private final WorkManager workManager;

  public WorkManagerLauncher(WorkManager workManager) {
    this.workManager = workManager;
  }

  @Override
  public void launch(String name, Runnable loop) throws Exception {
    // startWork returns once the loop is running, so the engine's start is synchronous.
    workManager.startWork(new MediaLoopWork(name, loop), START_TIMEOUT_MILLIS, null, null);
  }
}
