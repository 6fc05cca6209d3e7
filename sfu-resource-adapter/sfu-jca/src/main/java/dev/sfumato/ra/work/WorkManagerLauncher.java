package dev.sfumato.ra.work;

import dev.sfumato.engine.LoopLauncher;
import dev.sfumato.engine.SlicedLoop;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;

/**
 * Runs each media loop on WorkManager threads, one {@link SlicedLoop#SLICE_NANOS slice} per {@code
 * Work}: the first slice through {@code startWork} (so the engine's start is synchronous), every
 * later one through {@code scheduleWork} from the end of the slice before it.
 */
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
  public void launch(String name, SlicedLoop loop) throws Exception {
    workManager.startWork(
        new MediaLoopWork(name, loop, this::resubmit), START_TIMEOUT_MILLIS, null, null);
  }

  private void resubmit(MediaLoopWork next) {
    try {
      workManager.scheduleWork(next, START_TIMEOUT_MILLIS, null, null);
    } catch (WorkException | RuntimeException e) {
      next.abandon("the WorkManager refused the next slice: " + e);
    }
  }
}
