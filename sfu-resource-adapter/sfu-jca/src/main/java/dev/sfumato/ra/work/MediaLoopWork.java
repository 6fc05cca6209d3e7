package dev.sfumato.ra.work;

import dev.sfumato.engine.SlicedLoop;
import jakarta.resource.spi.work.Work;
import java.util.function.Consumer;

/**
 * One slice of a media worker loop as a JCA {@code Work}; at its end it hands the next slice to
 * {@code resubmit}. The container calls {@link #release()} when it wants its thread back
 * (shutdown); the loop treats an interrupt as a request to stop, so release interrupts the thread
 * running the slice.
 */
final class MediaLoopWork implements Work {

  private final String name;
  private final SlicedLoop loop;
  private final Consumer<MediaLoopWork> resubmit;
  private Thread runner; // guarded by this

  MediaLoopWork(String name, SlicedLoop loop, Consumer<MediaLoopWork> resubmit) {
    this.name = name;
    this.loop = loop;
    this.resubmit = resubmit;
  }

  @Override
  public void run() {
    synchronized (this) {
      runner = Thread.currentThread();
    }
    boolean more;
    try {
      more = loop.runSlice(SlicedLoop.SLICE_NANOS);
    } finally {
      synchronized (this) {
        runner = null; // the pooled thread moves on: it must never be interrupted on our behalf
      }
    }
    if (more) {
      resubmit.accept(new MediaLoopWork(name, loop, resubmit));
    }
  }

  void abandon(String reason) {
    loop.abandon(reason);
  }

  @Override
  public synchronized void release() {
    if (runner != null) {
      runner.interrupt();
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
