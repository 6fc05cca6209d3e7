package dev.sfumato.engine;

import dev.sfumato.engine.api.ConsumerId;
import dev.sfumato.engine.api.ConsumerInfo;
import dev.sfumato.engine.api.DataChannelParameters;
import dev.sfumato.engine.api.DataConsumerId;
import dev.sfumato.engine.api.DataConsumerInfo;
import dev.sfumato.engine.api.DataProducerId;
import dev.sfumato.engine.api.DataProducerInfo;
import dev.sfumato.engine.api.DtlsParameters;
import dev.sfumato.engine.api.EngineControl;
import dev.sfumato.engine.api.EngineDump;
import dev.sfumato.engine.api.EngineEventListener;
import dev.sfumato.engine.api.EngineException;
import dev.sfumato.engine.api.IceParameters;
import dev.sfumato.engine.api.ProducerId;
import dev.sfumato.engine.api.ProducerInfo;
import dev.sfumato.engine.api.RouterId;
import dev.sfumato.engine.api.RouterInfo;
import dev.sfumato.engine.api.RtpParameters;
import dev.sfumato.engine.api.SctpParameters;
import dev.sfumato.engine.api.SpeakerLevel;
import dev.sfumato.engine.api.StatsReport;
import dev.sfumato.engine.api.TransportId;
import dev.sfumato.engine.api.WebRtcTransportInfo;
import dev.sfumato.engine.dtls.DtlsCertificate;
import dev.sfumato.engine.dtls.DtlsConfig;
import dev.sfumato.engine.worker.EngineResources;
import dev.sfumato.engine.worker.EventSink;
import dev.sfumato.engine.worker.WorkerGroup;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The media engine: N single-threaded workers, each with its own UDP socket.
 *
 * <p>Life cycle: {@link #start()} binds every socket and launches one loop per worker; {@link
 * #close()} stops them and frees every port. An engine can be started again after it was closed (a
 * redeploy in the same JVM does exactly that). {@link #control()} stays valid across restarts and
 * answers {@code CLOSED} while the engine is stopped.
 */
public final class Engine implements AutoCloseable {

  /**
   * How long {@link #close()} waits for loops to end. A loop ends within one turn (well under a
   * millisecond) unless a listener blocks it; past this the sockets are closed from outside.
   */
  public static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

  private final EngineConfig config;
  private final LoopLauncher launcher;
  private final EventSink events;
  private final Executor blockingExecutor;
  private final Object lifecycle = new Object();
  private final EngineControl control = new CurrentGroupControl();
  private volatile WorkerGroup group;

  /**
   * @param launcher gives the worker loops their threads
   * @param blockingExecutor runs blocking work, DTLS handshakes above all: each holds a thread
   *     until it completes or times out (30 s), so the executor must run tasks in parallel (a
   *     cached pool in tests, the JCA WorkManager in the server)
   * @param listener receives engine events on worker threads
   */
  public Engine(
      EngineConfig config,
      LoopLauncher launcher,
      Executor blockingExecutor,
      EngineEventListener listener) {
    this.config = Objects.requireNonNull(config, "config");
    this.launcher = Objects.requireNonNull(launcher, "launcher");
    this.blockingExecutor = Objects.requireNonNull(blockingExecutor, "blockingExecutor");
    this.events = new EventSink(Objects.requireNonNull(listener, "listener"));
  }

  public EngineConfig config() {
    return config;
  }

  /**
   * Binds every worker's socket, then launches the worker loops.
   *
   * @throws IOException if a socket cannot be bound or a loop cannot be launched; nothing stays
   *     bound or running in that case
   * @throws IllegalStateException if the engine is already running
   */
  public void start() throws IOException {
    synchronized (lifecycle) {
      if (group != null) {
        throw new IllegalStateException("engine already running");
      }
      // One certificate per start (RFC 8827 §6.5 allows sharing it among transports); a restart
      // gets a fresh one, as a redeploy would.
      EngineResources resources =
          new EngineResources(
              blockingExecutor,
              DtlsCertificate.generate(),
              DtlsConfig.defaults(),
              config.announcedAddress(),
              new SecureRandom(),
              config.speakerInterval());
      WorkerGroup bound = WorkerGroup.bind(config, events, resources);
      try {
        bound.launch(launcher);
      } catch (Exception e) {
        bound.stop("launch failed", STOP_TIMEOUT);
        throw new IOException("could not launch a media worker loop", e);
      }
      group = bound;
    }
  }

  /** The control channel; calls fail with {@code CLOSED} while the engine is not running. */
  public EngineControl control() {
    return control;
  }

  /** Bound socket addresses in worker order; empty while stopped. */
  public List<InetSocketAddress> localAddresses() {
    WorkerGroup current = group;
    return current == null ? List.of() : current.localAddresses();
  }

  public boolean isRunning() {
    return group != null;
  }

  /** Stops every worker, closes every socket and waits (bounded) for the loops. Idempotent. */
  @Override
  public void close() {
    synchronized (lifecycle) {
      WorkerGroup current = group;
      group = null; // new calls fail with CLOSED from here on; queued ones fail as workers stop
      if (current != null) {
        current.stop("engine stopped", STOP_TIMEOUT);
      }
    }
  }

  /** Forwards to whichever worker group is running, so one control object outlives restarts. */
  private final class CurrentGroupControl implements EngineControl {

    @Override
    public CompletionStage<RouterInfo> createRouter() {
      return onGroup(WorkerGroup::createRouter);
    }

    @Override
    public CompletionStage<Void> closeRouter(RouterId id) {
      return onGroup(g -> g.closeRouter(id));
    }

    @Override
    public CompletionStage<List<SpeakerLevel>> speakers(RouterId router) {
      return onGroup(g -> g.speakers(router));
    }

    @Override
    public CompletionStage<EngineDump> dump() {
      return onGroup(WorkerGroup::dump);
    }

    @Override
    public CompletionStage<WebRtcTransportInfo> createWebRtcTransport(RouterId router) {
      return onGroup(g -> g.createWebRtcTransport(router));
    }

    @Override
    public CompletionStage<Void> connectWebRtcTransport(
        TransportId transport, IceParameters remoteIce, DtlsParameters remoteDtls) {
      return onGroup(g -> g.connectWebRtcTransport(transport, remoteIce, remoteDtls));
    }

    @Override
    public CompletionStage<IceParameters> restartIce(TransportId transport, IceParameters remote) {
      return onGroup(g -> g.restartIce(transport, remote));
    }

    @Override
    public CompletionStage<Void> closeTransport(TransportId transport) {
      return onGroup(g -> g.closeTransport(transport));
    }

    @Override
    public CompletionStage<StatsReport> transportStats(TransportId transport) {
      return onGroup(g -> g.transportStats(transport));
    }

    @Override
    public CompletionStage<ProducerInfo> produce(TransportId transport, RtpParameters params) {
      return onGroup(g -> g.produce(transport, params));
    }

    @Override
    public CompletionStage<Void> pauseProducer(ProducerId producer) {
      return onGroup(g -> g.pauseProducer(producer));
    }

    @Override
    public CompletionStage<Void> resumeProducer(ProducerId producer) {
      return onGroup(g -> g.resumeProducer(producer));
    }

    @Override
    public CompletionStage<Void> closeProducer(ProducerId producer) {
      return onGroup(g -> g.closeProducer(producer));
    }

    @Override
    public CompletionStage<StatsReport> producerStats(ProducerId producer) {
      return onGroup(g -> g.producerStats(producer));
    }

    @Override
    public CompletionStage<ConsumerInfo> consume(
        TransportId transport, ProducerId producer, RtpParameters params) {
      return onGroup(g -> g.consume(transport, producer, params));
    }

    @Override
    public CompletionStage<Void> pauseConsumer(ConsumerId consumer) {
      return onGroup(g -> g.pauseConsumer(consumer));
    }

    @Override
    public CompletionStage<Void> resumeConsumer(ConsumerId consumer) {
      return onGroup(g -> g.resumeConsumer(consumer));
    }

    @Override
    public CompletionStage<Void> requestKeyFrame(ConsumerId consumer) {
      return onGroup(g -> g.requestKeyFrame(consumer));
    }

    @Override
    public CompletionStage<Void> closeConsumer(ConsumerId consumer) {
      return onGroup(g -> g.closeConsumer(consumer));
    }

    @Override
    public CompletionStage<StatsReport> consumerStats(ConsumerId consumer) {
      return onGroup(g -> g.consumerStats(consumer));
    }

    @Override
    public CompletionStage<SctpParameters> enableSctp(
        TransportId transport, SctpParameters remote, boolean emitMessages) {
      return onGroup(g -> g.enableSctp(transport, remote, emitMessages));
    }

    @Override
    public CompletionStage<DataProducerInfo> produceData(
        TransportId transport, DataChannelParameters channel) {
      return onGroup(g -> g.produceData(transport, channel));
    }

    @Override
    public CompletionStage<Void> closeDataProducer(DataProducerId id) {
      return onGroup(g -> g.closeDataProducer(id));
    }

    @Override
    public CompletionStage<StatsReport> dataProducerStats(DataProducerId id) {
      return onGroup(g -> g.dataProducerStats(id));
    }

    @Override
    public CompletionStage<DataConsumerInfo> consumeData(
        TransportId transport, DataProducerId producer, DataChannelParameters channel) {
      return onGroup(g -> g.consumeData(transport, producer, channel));
    }

    @Override
    public CompletionStage<Boolean> sendData(
        DataConsumerId consumer, boolean binary, byte[] payload) {
      return onGroup(g -> g.sendData(consumer, binary, payload));
    }

    @Override
    public CompletionStage<Void> closeDataConsumer(DataConsumerId id) {
      return onGroup(g -> g.closeDataConsumer(id));
    }

    @Override
    public CompletionStage<StatsReport> dataConsumerStats(DataConsumerId id) {
      return onGroup(g -> g.dataConsumerStats(id));
    }

    @Override
    public CompletionStage<Void> injectLoss(double percent) {
      return onGroup(g -> g.injectLoss(percent));
    }

    private <T> CompletionStage<T> onGroup(Function<WorkerGroup, CompletionStage<T>> call) {
      WorkerGroup current = group;
      if (current == null) {
        return CompletableFuture.failedFuture(
            new EngineException(EngineException.Code.CLOSED, "media engine is not running"));
      }
      return call.apply(current);
    }
  }
}
