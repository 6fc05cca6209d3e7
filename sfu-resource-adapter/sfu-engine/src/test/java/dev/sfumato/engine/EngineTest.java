package dev.sfumato.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sfumato.engine.api.EngineDump;
import dev.sfumato.engine.api.EngineEvent;
import dev.sfumato.engine.api.EngineException;
import dev.sfumato.engine.api.RouterId;
import dev.sfumato.engine.api.RouterInfo;
import dev.sfumato.engine.api.WorkerDump;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EngineTest {

  private static final Duration WAIT = Duration.ofSeconds(5);

  private final BlockingQueue<EngineEvent> events = new LinkedBlockingQueue<>();
  private final ThreadLauncher launcher = new ThreadLauncher();
  private Engine engine;

  @AfterEach
  void closeEngine() {
    if (engine != null) {
      engine.close();
    }
  }

  private Engine start(int workers) throws IOException {
    EngineConfig config =
        new EngineConfig(workers, EngineConfig.loopback(), 0, EngineConfig.loopback());
    engine = new Engine(config, launcher, TestExecutors.BLOCKING, events::add);
    engine.start();
    return engine;
  }

  @Test
  void startBindsOneSocketPerWorkerAndAnnouncesIt() throws Exception {
    start(3);

    List<InetSocketAddress> addresses = engine.localAddresses();
    assertThat(addresses).hasSize(3);
    assertThat(addresses.stream().map(InetSocketAddress::getPort).distinct()).hasSize(3);
    for (InetSocketAddress address : addresses) {
      assertThatThrownBy(() -> new DatagramSocket(address).close())
          .isInstanceOf(SocketException.class);
    }
    List<EngineEvent> started = take(3);
    assertThat(started)
        .allMatch(EngineEvent.WorkerStarted.class::isInstance)
        .extracting(e -> ((EngineEvent.WorkerStarted) e).localAddress())
        .containsExactlyInAnyOrderElementsOf(addresses);
    assertThat(engine.isRunning()).isTrue();
    assertThat(mediaThreadNames())
        .containsExactlyInAnyOrder("sfumato-media-0", "sfumato-media-1", "sfumato-media-2");
  }

  @Test
  void datagramWithoutTransportIsCountedAsDrop() throws Exception {
    start(1);
    send(engine.localAddresses().get(0), 100);

    WorkerDump worker = awaitDump(d -> d.workers().get(0).datagramsIn() == 1).workers().get(0);
    // 100 zero bytes: STUN by the first byte (RFC 7983), but no magic cookie, so no transport sees
    // it
    assertThat(worker.drops()).containsEntry("STUN_MALFORMED", 1L).containsEntry("TRUNCATED", 0L);
  }

  @Test
  void oversizedDatagramIsCountedAsTruncated() throws Exception {
    start(1);
    send(engine.localAddresses().get(0), 4000);

    WorkerDump worker = awaitDump(d -> d.workers().get(0).datagramsIn() == 1).workers().get(0);
    assertThat(worker.drops()).containsEntry("TRUNCATED", 1L).containsEntry("NO_TRANSPORT", 0L);
  }

  @Test
  void routerCreateDumpCloseRoundTrip() throws Exception {
    start(2);
    take(2);

    RouterInfo router = await(engine.control().createRouter());
    assertThat(router.id().value()).startsWith("RT_");
    EngineDump dump = await(engine.control().dump());
    assertThat(dump.allWorkersBound()).isTrue();
    assertThat(dump.workers().get(router.workerId()).routers()).isEqualTo(1);
    assertThat(dump.workers().get(router.workerId()).localAddress())
        .isEqualTo("127.0.0.1:" + engine.localAddresses().get(router.workerId()).getPort());

    await(engine.control().closeRouter(router.id()));
    assertThat(take(1)).containsExactly(new EngineEvent.RouterClosed(router.id()));
    assertThat(await(engine.control().dump()).workers()).allMatch(w -> w.routers() == 0);
  }

  @Test
  void closeRouterRejectsUnknownAndAlreadyClosedIds() throws Exception {
    start(1);
    assertFailsWith(
        engine.control().closeRouter(new RouterId("RT_nope")), EngineException.Code.NOT_FOUND);
    assertFailsWith(engine.control().closeRouter(null), EngineException.Code.INVALID_ARGUMENT);

    RouterInfo router = await(engine.control().createRouter());
    await(engine.control().closeRouter(router.id()));
    assertFailsWith(engine.control().closeRouter(router.id()), EngineException.Code.NOT_FOUND);
  }

  @Test
  void routersSpreadOverWorkers() throws Exception {
    start(3);
    List<CompletionStage<RouterInfo>> pending = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      pending.add(engine.control().createRouter()); // concurrently in flight
    }
    Map<Integer, Long> perWorker = new java.util.HashMap<>();
    for (CompletionStage<RouterInfo> stage : pending) {
      perWorker.merge(await(stage).workerId(), 1L, Long::sum);
    }
    assertThat(perWorker).containsOnly(Map.entry(0, 2L), Map.entry(1, 2L), Map.entry(2, 2L));
    assertThat(await(engine.control().dump()).workers()).allMatch(w -> w.routers() == 2);
  }

  @Test
  void callsAfterCloseFailWithClosed() throws Exception {
    start(2);
    RouterInfo router = await(engine.control().createRouter());
    engine.close();

    assertThat(engine.isRunning()).isFalse();
    assertThat(engine.localAddresses()).isEmpty();
    assertFailsWith(engine.control().createRouter(), EngineException.Code.CLOSED);
    assertFailsWith(engine.control().closeRouter(router.id()), EngineException.Code.CLOSED);
    assertFailsWith(engine.control().dump(), EngineException.Code.CLOSED);
  }

  @Test
  void closeFreesEveryPortEndsEveryLoopAndRestoresThreadNames() throws Exception {
    start(3);
    RouterInfo router = await(engine.control().createRouter());
    List<InetSocketAddress> addresses = engine.localAddresses();
    take(3);

    engine.close();
    engine.close(); // idempotent

    for (InetSocketAddress address : addresses) {
      new DatagramSocket(address).close();
    }
    assertThat(mediaThreadNames()).isEmpty();
    for (Thread thread : launcher.threads) {
      thread.join(WAIT.toMillis());
      assertThat(thread.isAlive()).isFalse();
    }
    assertThat(launcher.namesAfterLoop).containsOnly(ThreadLauncher.POOL_THREAD_NAME).hasSize(3);
    List<EngineEvent> stopping = take(4);
    assertThat(stopping).contains(new EngineEvent.RouterClosed(router.id()));
    assertThat(stopping).filteredOn(EngineEvent.WorkerStopped.class::isInstance).hasSize(3);
  }

  @Test
  void engineStartsAgainAfterCloseOnTheSamePorts() throws Exception {
    int basePort = freePortPair();
    EngineConfig config =
        new EngineConfig(2, EngineConfig.loopback(), basePort, EngineConfig.loopback());
    engine = new Engine(config, launcher, TestExecutors.BLOCKING, events::add);
    for (int round = 0; round < 3; round++) {
      engine.start();
      assertThat(engine.localAddresses())
          .extracting(InetSocketAddress::getPort)
          .containsExactly(basePort, basePort + 1);
      assertThat(await(engine.control().createRouter()).id()).isNotNull();
      engine.close();
    }
    assertThat(mediaThreadNames()).isEmpty();
  }

  @Test
  void startTwiceIsRejected() throws Exception {
    start(1);
    assertThatThrownBy(engine::start).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void failedBindClosesWhatWasBound() throws Exception {
    int basePort = freePortPair();
    InetSocketAddress second = new InetSocketAddress(EngineConfig.loopback(), basePort + 1);
    try (DatagramSocket squatter = new DatagramSocket(second)) {
      EngineConfig config =
          new EngineConfig(2, EngineConfig.loopback(), basePort, EngineConfig.loopback());
      engine = new Engine(config, launcher, TestExecutors.BLOCKING, events::add);
      assertThatThrownBy(engine::start)
          .isInstanceOf(IOException.class)
          .hasMessageContaining("worker 1");
    }
    new DatagramSocket(new InetSocketAddress(EngineConfig.loopback(), basePort)).close();
    assertThat(engine.isRunning()).isFalse();
    assertThat(launcher.threads).isEmpty();
  }

  @Test
  void failedLaunchStopsWhatWasLaunchedAndFreesPorts() throws Exception {
    List<InetSocketAddress> bound = new java.util.concurrent.CopyOnWriteArrayList<>();
    LoopLauncher refusesSecond =
        (name, loop) -> {
          if (name.endsWith("-1")) {
            throw new IllegalStateException("no thread for you");
          }
          launcher.launch(name, loop);
        };
    EngineConfig config = new EngineConfig(2, EngineConfig.loopback(), 0, EngineConfig.loopback());
    engine =
        new Engine(
            config,
            refusesSecond,
            TestExecutors.BLOCKING,
            e -> {
              if (e instanceof EngineEvent.WorkerStarted started) {
                bound.add(started.localAddress());
              }
            });

    assertThatThrownBy(engine::start).isInstanceOf(IOException.class);
    assertThat(engine.isRunning()).isFalse();
    assertThat(mediaThreadNames()).isEmpty();
    for (InetSocketAddress address : bound) {
      new DatagramSocket(address).close();
    }
  }

  @Test
  void throwingListenerDoesNotKillAWorker() throws Exception {
    EngineConfig config = new EngineConfig(1, EngineConfig.loopback(), 0, EngineConfig.loopback());
    engine =
        new Engine(
            config,
            launcher,
            TestExecutors.BLOCKING,
            e -> {
              throw new IllegalStateException("listener bug");
            });
    engine.start();

    RouterInfo router = await(engine.control().createRouter());
    await(engine.control().closeRouter(router.id())); // emits RouterClosed into the bad listener
    send(engine.localAddresses().get(0), 10);
    EngineDump dump = awaitDump(d -> d.workers().get(0).datagramsIn() == 1);
    assertThat(dump.allWorkersBound()).isTrue();
  }

  @Test
  void interruptedLoopStopsItsWorkerAndDumpShowsIt() throws Exception {
    start(2);
    take(2);
    Thread first = launcher.threads.get(0);
    first.interrupt();

    EngineEvent stopped = take(1).get(0);
    assertThat(stopped).isEqualTo(new EngineEvent.WorkerStopped(0, "interrupted"));
    EngineDump dump = await(engine.control().dump());
    assertThat(dump.allWorkersBound()).isFalse();
    assertThat(dump.workers().get(0).running()).isFalse();
    assertThat(dump.workers().get(1).running()).isTrue();
    assertThat(await(engine.control().createRouter()).workerId()).isEqualTo(1);
  }

  private List<EngineEvent> take(int count) throws InterruptedException {
    List<EngineEvent> taken = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      EngineEvent event = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      assertThat(event).as("event %d of %d, got %s", i + 1, count, taken).isNotNull();
      taken.add(event);
    }
    return taken;
  }

  private EngineDump awaitDump(Predicate<EngineDump> condition) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    EngineDump dump = await(engine.control().dump());
    while (!condition.test(dump) && System.nanoTime() < deadline) {
      Thread.sleep(10);
      dump = await(engine.control().dump());
    }
    assertThat(condition).as("dump condition, last dump %s", dump).accepts(dump);
    return dump;
  }

  private static <T> T await(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static void assertFailsWith(CompletionStage<?> stage, EngineException.Code code) {
    assertThatThrownBy(() -> await(stage))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  private static void send(InetSocketAddress to, int size) throws IOException {
    try (DatagramSocket socket =
        new DatagramSocket(new InetSocketAddress(EngineConfig.loopback(), 0))) {
      socket.send(new DatagramPacket(new byte[size], size, to));
    }
  }

  private static List<String> mediaThreadNames() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(n -> n.startsWith("sfumato-media-"))
        .collect(Collectors.toList());
  }

  /** Two consecutive free UDP ports on loopback (free at the time of asking). */
  private static int freePortPair() throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      try (DatagramSocket first =
          new DatagramSocket(new InetSocketAddress(EngineConfig.loopback(), 0))) {
        int port = first.getLocalPort();
        if (port >= 65535) {
          continue;
        }
        try (DatagramSocket second =
            new DatagramSocket(new InetSocketAddress(EngineConfig.loopback(), port + 1))) {
          return port;
        } catch (SocketException taken) {
          // try another pair
        }
      }
    }
    throw new IOException("no two consecutive free UDP ports");
  }
}
