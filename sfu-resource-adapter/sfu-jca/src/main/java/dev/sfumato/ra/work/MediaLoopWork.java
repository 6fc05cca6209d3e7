package dev.sfumato.ra.work;

import jakarta.resource.spi.work.Work;

/**
 * A media worker loop as a JCA {@code Work}. The container calls {@link #release()} when it wants
 * its thread back (shutdown); the loop treats an interrupt as a request to stop, so release
 * interrupts the thread running it.
 */
final class MediaLoopWork implements Work {

  private final String name;
  private final Runnable loop;
  private Thread runner; // guarded by this

  MediaLoopWork(String name, Runnable loop) {
    this.name = name;
    this.loop = loop;
  }

  @Override
  public void run() {
    synchronized (this) {
      runner = Thread.currentThread();
    }
    try {
      loop.run();
    } finally {
      synchronized (this) {
        runner = null; // the pooled thread moves on: it must never be interrupted on our behalf
      }
    }
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
