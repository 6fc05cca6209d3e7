package dev.sfumato.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** The receive path must not allocate per datagram (STYLE.md: hot path, no allocation). */
class ReceivePathAllocationTest {

  private static final int WARM_UP = 2_000;
  private static final int MEASURED = 20_000;

  @Test
  void receivingDatagramsAllocatesNothingPerDatagram() throws Exception {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    ThreadLauncher launcher = new ThreadLauncher();
    EngineConfig config = new EngineConfig(1, EngineConfig.loopback(), 0, EngineConfig.loopback());
    try (Engine engine = new Engine(config, launcher, TestExecutors.BLOCKING, e -> {});
        DatagramSocket sender =
            new DatagramSocket(new InetSocketAddress(config.bindAddress(), 0))) {
      engine.start();
      InetSocketAddress target = engine.localAddresses().get(0);
      long workerThreadId = launcher.threads.get(0).getId();

      long warmedUp = sendAndCount(engine, sender, target, WARM_UP, 0);
      long before = threads.getThreadAllocatedBytes(workerThreadId);
      long received = sendAndCount(engine, sender, target, MEASURED, warmedUp) - warmedUp;
      long allocated = threads.getThreadAllocatedBytes(workerThreadId) - before;

      assertThat(received).isGreaterThan(MEASURED / 2);
      // One dump at the end allocates a few KB; one small object per datagram would be ~480 KB.
      assertThat(allocated).as("bytes allocated for %d datagrams", received).isLessThan(64 * 1024);
    }
  }

  /** Sends, waits until the worker goes quiet, and returns datagramsIn from one dump. */
  private static long sendAndCount(
      Engine engine, DatagramSocket sender, InetSocketAddress target, int count, long already)
      throws Exception {
    DatagramPacket packet = new DatagramPacket(new byte[200], 200, target);
    for (int i = 0; i < count; i++) {
      sender.send(packet);
      if (i % 256 == 0) {
        Thread.sleep(1); // let the kernel buffer drain so most datagrams arrive
      }
    }
    Thread.sleep(300);
    return engine.control().dump().toCompletableFuture().get().workers().get(0).datagramsIn();
  }
}
