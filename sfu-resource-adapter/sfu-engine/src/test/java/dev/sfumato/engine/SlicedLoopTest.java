package dev.sfumato.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sfumato.engine.api.EngineException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The worker loop gives its thread back between slices and can be abandoned between them. */
class SlicedLoopTest {
  private Engine engine;

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void theThreadIsHandedBackBetweenSlicesAndTheWorkerKeepsAnswering() throws Exception {
    ThreadLauncher launcher = new ThreadLauncher();
    engine = new Engine(oneWorker(), launcher, TestExecutors.BLOCKING, e -> {});
    engine.start();

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (launcher.namesBetweenSlices.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(launcher.namesBetweenSlices).contains(ThreadLauncher.POOL_THREAD_NAME);
    assertThat(engine.control().createRouter().toCompletableFuture().get(5, TimeUnit.SECONDS))
        .isNotNull();
  }

  @Test
  void anAbandonedLoopReleasesItsSocketAndFailsLaterCalls() throws Exception {
    AtomicReference<SlicedLoop> loopRef = new AtomicReference<>();
    CountDownLatch abandoned = new CountDownLatch(1);
    LoopLauncher oneSliceOnly =
        (name, loop) -> {
          loopRef.set(loop);
          Thread t =
              new Thread(
                  () -> {
                    if (loop.runSlice(TimeUnit.MILLISECONDS.toNanos(20))) {
                      loop.abandon("no thread for the next slice");
                      abandoned.countDown();
                    }
                  });
          t.setDaemon(true);
          t.start();
        };
    CopyOnWriteArrayList<Object> events = new CopyOnWriteArrayList<>();
    engine = new Engine(oneWorker(), oneSliceOnly, TestExecutors.BLOCKING, events::add);
    engine.start();
    InetSocketAddress address = engine.localAddresses().get(0);

    assertThat(abandoned.await(5, TimeUnit.SECONDS)).isTrue();
    new DatagramSocket(address).close(); // the port is free again
    assertThat(events).anySatisfy(e -> assertThat(e.toString()).contains("abandoned"));
    try {
      engine.control().createRouter().toCompletableFuture().join();
    } catch (CompletionException e) {
      assertThat(e.getCause()).isInstanceOf(EngineException.class);
      return;
    }
    throw new AssertionError("a call to an abandoned worker must fail");
  }

  private static EngineConfig oneWorker() {
    return new EngineConfig(1, EngineConfig.loopback(), 0, EngineConfig.loopback());
  }
}
