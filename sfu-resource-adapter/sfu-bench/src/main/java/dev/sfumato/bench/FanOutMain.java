package dev.sfumato.bench;

import dev.sfumato.engine.Engine;
import dev.sfumato.engine.EngineConfig;
import dev.sfumato.engine.api.ConsumerId;
import dev.sfumato.engine.api.DtlsParameters;
import dev.sfumato.engine.api.DtlsRole;
import dev.sfumato.engine.api.ProducerId;
import dev.sfumato.engine.api.RouterInfo;
import dev.sfumato.engine.api.StatsReport;
import dev.sfumato.engine.api.WebRtcTransportInfo;
import dev.sfumato.engine.dtls.DtlsConfig;
import dev.sfumato.engine.srtp.SrtpProfile;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Engine-level fan-out on loopback: one publisher stream forwarded by a real {@link Engine} (one
 * worker) to N subscriber transports, every one connected with ICE + DTLS-SRTP by a {@link
 * BenchPeer}; then, in the same JVM and against the same subscriber sockets, PLATFORM.md's {@link
 * Floor}. Both are paced at the same input rate ({@code out-rate / N} packets/s) and measured as
 * forwarded packets per CPU-second of ONE thread: the engine's worker thread (ThreadMXBean, user +
 * system time, so the kernel's send path counts) and the floor's thread.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.sfumato.bench.FanOutMain [--subscribers 10,100,1000]
 * [--seconds 5] [--warmup 3] [--out-rate 100000] [--profile negotiated|cm80|gcm] [--max-seconds
 * 900]}. {@code negotiated} lets both sides' defaults choose (the engine prefers GCM); the floor
 * always uses the profile the handshakes actually produced.
 */
public final class FanOutMain {

  private static final long PUBLISHER_SSRC = 0x0A0B0C0DL;
  private static final long SUBSCRIBER_SSRC_BASE = 0x3000_0000L;
  private static final int HANDSHAKES_AT_ONCE = 16;

  private final Options options;
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final ExecutorService blocking = Executors.newCachedThreadPool(FanOutMain::daemon);
  private final WorkerThreadLauncher launcher = new WorkerThreadLauncher();
  private final List<BenchPeer> subscribers = new ArrayList<>();
  private final List<ConsumerId> consumers = new ArrayList<>();
  private final List<String> rows = new ArrayList<>();
  private Engine engine;
  private RouterInfo router;
  private PeerReceiver receiver;
  private BenchPeer publisher;
  private ProducerId producer;
  private PublisherLoop publisherLoop;
  private SrtpProfile negotiated;
  private volatile boolean measuring;

  private FanOutMain(Options options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    Options o = Options.parse(args);
    Thread watchdog =
        daemon(
            () -> {
              try {
                Thread.sleep(TimeUnit.SECONDS.toMillis(o.maxSeconds()));
                System.err.println("FanOutMain: --max-seconds reached, exiting");
                Runtime.getRuntime().halt(2);
              } catch (InterruptedException e) {
                // main finished first
              }
            });
    watchdog.start();
    new FanOutMain(o).run();
    System.exit(0);
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "bench-helper");
    t.setDaemon(true);
    return t;
  }

  private void run() throws Exception {
    threads.setThreadCpuTimeEnabled(true);
    engine =
        new Engine(
            new EngineConfig(1, EngineConfig.loopback(), 0, EngineConfig.loopback()),
            launcher,
            blocking,
            e -> {});
    engine.start();
    receiver = new PeerReceiver();
    try {
      router = engine.control().createRouter().toCompletableFuture().get(5, TimeUnit.SECONDS);
      publisher = connect(0);
      producer =
          engine
              .control()
              .produce(transportOf(publisher), BenchPackets.publisher(PUBLISHER_SSRC))
              .toCompletableFuture()
              .get(5, TimeUnit.SECONDS)
              .id();
      publisherLoop = new PublisherLoop(publisher, PUBLISHER_SSRC);
      Thread keepalive = daemon(this::keepConsent);
      keepalive.start();
      System.out.printf(
          "profile %s, out-rate %d pkt/s, %d s measured after %d s warm-up, uptime: %s%n",
          negotiated, options.outRate(), options.seconds(), options.warmup(), Load.uptime());
      for (int n : options.subscribers()) {
        grow(n);
        measure(n);
      }
      System.out.println();
      System.out.println(
          "| N | input pkt/s | SFU forwarded | SFU worker CPU s | SFU pkt/CPU-s | floor sent |"
              + " floor CPU s | floor pkt/CPU-s | SFU/floor | delivered/expected | verified |");
      System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
      rows.forEach(System.out::println);
      System.out.println("uptime after: " + Load.uptime());
    } finally {
      receiver.close();
      engine.close();
    }
  }

  private java.util.Map<BenchPeer, WebRtcTransportInfo> infos = new java.util.HashMap<>();

  private dev.sfumato.engine.api.TransportId transportOf(BenchPeer p) {
    return infos.get(p).id();
  }

  /** A transport on the engine and a peer connected to it (ICE, DTLS, SRTP keys). */
  private BenchPeer connect(int index) throws Exception {
    BenchPeer peer = startConnect(index);
    peer.connected.get(30, TimeUnit.SECONDS);
    negotiated = SrtpProfile.fromId(peer.connected.get().profile().id());
    return peer;
  }

  private BenchPeer startConnect(int index) throws Exception {
    WebRtcTransportInfo info =
        engine
            .control()
            .createWebRtcTransport(router.id())
            .toCompletableFuture()
            .get(5, TimeUnit.SECONDS);
    engine
        .control()
        .connectWebRtcTransport(
            info.id(),
            null,
            new DtlsParameters(DtlsRole.CLIENT, List.of(BenchPeer.apiFingerprint())))
        .toCompletableFuture()
        .get(5, TimeUnit.SECONDS);
    BenchPeer peer = new BenchPeer(index);
    infos.put(peer, info);
    receiver.add(peer);
    DtlsConfig config = DtlsConfig.defaults();
    if (options.profile() != null) {
      config =
          config.withSrtpProfiles(
              List.of(dev.sfumato.engine.dtls.SrtpProfile.valueOf("SRTP_" + options.profile())));
    }
    peer.start(info, config, blocking);
    return peer;
  }

  /** Connects subscribers, {@link #HANDSHAKES_AT_ONCE} at a time, and consumes for each. */
  private void grow(int n) throws Exception {
    long t0 = System.nanoTime();
    while (subscribers.size() < n) {
      List<BenchPeer> batch = new ArrayList<>();
      for (int i = 0; i < HANDSHAKES_AT_ONCE && subscribers.size() + batch.size() < n; i++) {
        batch.add(startConnect(subscribers.size() + batch.size() + 1));
      }
      for (BenchPeer p : batch) {
        p.connected.get(60, TimeUnit.SECONDS);
        if (SrtpProfile.fromId(p.connected.get().profile().id()) != negotiated) {
          throw new IllegalStateException("subscribers negotiated different profiles");
        }
        long ssrc = SUBSCRIBER_SSRC_BASE + subscribers.size();
        p.expectedSsrc = ssrc;
        consumers.add(
            engine
                .control()
                .consume(transportOf(p), producer, BenchPackets.subscriber(ssrc))
                .toCompletableFuture()
                .get(5, TimeUnit.SECONDS)
                .id());
        subscribers.add(p);
      }
    }
    System.out.printf("%d subscribers connected (%.1f s)%n", n, (System.nanoTime() - t0) / 1e9);
  }

  /** RFC 7675 consent, renewed every 5 s outside measuring windows (windows stay under 30 s). */
  private void keepConsent() {
    while (true) {
      try {
        Thread.sleep(5_000);
      } catch (InterruptedException e) {
        return;
      }
      if (!measuring) {
        refreshConsent();
      }
    }
  }

  private synchronized void refreshConsent() {
    publisher.refreshConsent();
    for (BenchPeer p : new ArrayList<>(subscribers)) {
      p.refreshConsent();
    }
  }

  private void measure(int n) throws Exception {
    refreshConsent();
    measuring = true;
    double inRate = Math.max(1.0, (double) options.outRate() / n);
    Thread worker = launcher.threads.get(0);
    receiver.verify(subscribers.get(n - 1));
    PublisherLoop pub = publisherLoop;
    pub.rate(inRate);
    Thread pubThread = daemon(pub);
    pubThread.start();
    Thread.sleep(TimeUnit.SECONDS.toMillis(options.warmup()));
    pub.warming = false;
    Thread.sleep(200);
    long outA = packetsOut();
    long rxA = receiver.rtp.get();
    long cpuA = threads.getThreadCpuTime(worker.getId());
    long inA = pub.sent;
    Thread.sleep(TimeUnit.SECONDS.toMillis(options.seconds()));
    long cpuB = threads.getThreadCpuTime(worker.getId());
    long inB = pub.sent;
    long rxB = receiver.rtp.get();
    long outB = packetsOut();
    pub.stop = true;
    pubThread.join();
    measuring = false;
    // Consumer counters are read over a few ms around the CPU window (one command per consumer),
    // so their delta can include packets forwarded just outside it: never count more than the
    // publisher sent inside the window times N.
    long forwarded = Math.min(outB - outA, (inB - inA) * n);
    double sfuCpu = (cpuB - cpuA) / 1e9;
    double delivered = (double) (rxB - rxA) / Math.max(1, (inB - inA) * n);
    String verified = receiver.verifiedOk.get() + " ok/" + receiver.verifiedBad.get() + " bad";
    FloorResult floor = floor(n, inRate);
    double sfuRate = forwarded / sfuCpu;
    rows.add(
        String.format(
            Locale.ROOT,
            "| %d | %.0f | %d | %.3f | %.0f | %d | %.3f | %.0f | %.2f | %.3f | %s |",
            n,
            inRate,
            forwarded,
            sfuCpu,
            sfuRate,
            floor.sent,
            floor.cpu,
            floor.sent / floor.cpu,
            sfuRate / (floor.sent / floor.cpu),
            delivered,
            verified));
    System.out.println(rows.get(rows.size() - 1));
  }

  private long packetsOut() throws Exception {
    List<CompletableFuture<StatsReport>> all = new ArrayList<>();
    for (ConsumerId c : consumers) {
      all.add(engine.control().consumerStats(c).toCompletableFuture());
    }
    long sum = 0;
    StringBuilder each = new StringBuilder();
    for (CompletableFuture<StatsReport> f : all) {
      long out = f.get(10, TimeUnit.SECONDS).counters().getOrDefault("packetsOut", 0L);
      sum += out;
      if (Boolean.getBoolean("fanout.debug")) {
        each.append(out).append(' ');
      }
    }
    if (each.length() > 0) {
      System.out.println("packetsOut per consumer: " + each);
    }
    return sum;
  }

  private record FloorResult(long sent, double cpu) {}

  /** The floor on its own thread, same rate, same subscriber sockets; CPU of that thread. */
  private FloorResult floor(int n, double inRate) throws Exception {
    InetSocketAddress[] targets = new InetSocketAddress[n];
    for (int i = 0; i < n; i++) {
      targets[i] = subscribers.get(i).local;
    }
    long[] result = new long[2];
    try (Floor floor = new Floor(negotiated, targets)) {
      Thread t =
          daemon(
              () -> {
                long warmEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.warmup());
                Pacer.run(inRate, warmEnd, floor::step, () -> false);
                long sentA = floor.sent;
                long cpuA = threads.getCurrentThreadCpuTime();
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.seconds());
                Pacer.run(inRate, end, floor::step, () -> false);
                result[1] = threads.getCurrentThreadCpuTime() - cpuA;
                result[0] = floor.sent - sentA;
              });
      t.start();
      t.join();
    }
    return new FloorResult(result[0], result[1] / 1e9);
  }
}
