package dev.sfumato.engine;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Plays the WorkManager in tests: one plain thread per loop, named like a pooled thread. */
public final class ThreadLauncher implements LoopLauncher {

  static final String POOL_THREAD_NAME = "test-pool-thread";

  final List<Thread> threads = new CopyOnWriteArrayList<>();
  final List<String> namesAfterLoop = new CopyOnWriteArrayList<>();
  final List<String> namesBetweenSlices = new CopyOnWriteArrayList<>();

  @Override
  public void launch(String name, SlicedLoop loop) {
    Thread thread =
        new Thread(
            () -> {
              while (loop.runSlice(SlicedLoop.SLICE_NANOS)) {
                namesBetweenSlices.add(Thread.currentThread().getName());
              }
              namesAfterLoop.add(Thread.currentThread().getName());
            },
            POOL_THREAD_NAME);
    thread.setDaemon(true);
    threads.add(thread);
    thread.start();
  }
}
