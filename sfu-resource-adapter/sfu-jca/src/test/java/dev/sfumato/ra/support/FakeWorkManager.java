package dev.sfumato.ra.support;

import jakarta.resource.spi.work.ExecutionContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkListener;
import jakarta.resource.spi.work.WorkManager;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * Plays the container's WorkManager: long-running work on its own pooled-looking thread, short work
 * on fresh threads. Remembers every Work so tests can check release().
 */
public final class FakeWorkManager implements WorkManager {

  public final List<Thread> threads = new CopyOnWriteArrayList<>();
  public final List<Work> started = new CopyOnWriteArrayList<>();
  public volatile int scheduled;

  @Override
  public void doWork(Work work) {
    work.run();
  }

  @Override
  public void doWork(Work work, long timeout, ExecutionContext ctx, WorkListener listener) {
    work.run();
  }

  @Override
  public long startWork(Work work) {
    return startWork(work, INDEFINITE, null, null);
  }

  @Override
  public long startWork(Work work, long timeout, ExecutionContext ctx, WorkListener listener) {
    CountDownLatch running = new CountDownLatch(1);
    Thread thread =
        new Thread(
            () -> {
              running.countDown();
              work.run();
            },
            "Default Executor-thread-" + threads.size());
    thread.setDaemon(true);
    threads.add(thread);
    started.add(work);
    thread.start();
    try {
      running.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  @Override
  public void scheduleWork(Work work) {
    scheduled++;
    Thread thread = new Thread(work, "Default Executor-short");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void scheduleWork(Work work, long timeout, ExecutionContext ctx, WorkListener listener) {
    scheduleWork(work);
  }
}
