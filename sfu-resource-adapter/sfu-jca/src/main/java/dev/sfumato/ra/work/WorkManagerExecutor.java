package dev.sfumato.ra.work;

import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/** Short tasks on container threads: the only threads a resource adapter may borrow. */
public final class WorkManagerExecutor implements Executor {

  private final WorkManager workManager;

  public WorkManagerExecutor(WorkManager workManager) {
    this.workManager = workManager;
  }

  @Override
  public void execute(Runnable task) {
    try {
      workManager.scheduleWork(new TaskWork(task));
    } catch (WorkException e) {
      throw new RejectedExecutionException("WorkManager rejected a task", e);
    }
  }

  private record TaskWork(Runnable task) implements Work {
    @Override
    public void run() {
      task.run();
    }

    @Override
    public void release() {
      // short task: it finishes on its own
    }
  }
}
