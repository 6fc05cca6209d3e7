package dev.sfumato.bench;

import dev.sfumato.engine.LoopLauncher;
import dev.sfumato.engine.SlicedLoop;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs each worker loop on one dedicated thread (as the engine's test launcher does) and remembers
 * the threads, so the benchmark can read their CPU time with {@code ThreadMXBean}.
 */
final class WorkerThreadLauncher implements LoopLauncher {

  final List<Thread> threads = new CopyOnWriteArrayList<>();

  @Override
  public void launch(String name, SlicedLoop loop) {
    Thread thread =
        new Thread(
            () -> {
              while (loop.runSlice(SlicedLoop.SLICE_NANOS)) {
                // the next slice on the same thread: its CPU time stays one counter
              }
            },
            name);
    thread.setDaemon(true);
    threads.add(thread);
    thread.start();
  }
}
