package dev.sfumato.engine;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The blocking executor tests give engines: a cached pool runs every DTLS handshake in parallel.
 */
public final class TestExecutors {

  public static final ExecutorService BLOCKING =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "test-blocking");
            t.setDaemon(true);
            return t;
          });

  private TestExecutors() {}
}
