package dev.sfumato.engine.worker;

import static dev.sfumato.engine.worker.OwnerRouting.invalid;

import dev.sfumato.engine.EngineConfig;
import dev.sfumato.engine.LoopLauncher;
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
import dev.sfumato.engine.api.WorkerDump;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.logging.Logger;

/**
 * The workers of one engine run: binds them, launches their loops, routes control calls to the
 * owning worker ({@link OwnerRouting}; data-channel calls through {@link DataCalls}) and stops them
 * all. A stopped group is never restarted; the engine binds a new one.
 */
public final class WorkerGroup implements EngineControl {

  private static final Logger LOG = Logger.getLogger(WorkerGroup.class.getName());

  private final List<MediaWorker> workers;
  private final RouterDirectory directory;
  private final OwnerRouting routing;
  private final DataCalls data;
  private final boolean faultInjection;

  private WorkerGroup(
      List<MediaWorker> workers, RouterDirectory directory, boolean faultInjection) {
    this.workers = List.copyOf(workers);
    this.directory = directory;
    this.routing = new OwnerRouting(directory);
    this.data = new DataCalls(routing);
    this.faultInjection = faultInjection;
  }

  /**
   * Binds every worker's socket on the calling thread. If one bind fails, the sockets already bound
   * are closed before the exception propagates, so a failed start leaks no port.
   */
  public static WorkerGroup bind(EngineConfig config, EventSink events, EngineResources resources)
      throws IOException {
    RouterDirectory directory = new RouterDirectory();
    List<MediaWorker> bound = new ArrayList<>(config.workers());
    for (int i = 0; i < config.workers(); i++) {
      InetSocketAddress address = new InetSocketAddress(config.bindAddress(), config.portOf(i));
      try {
        bound.add(MediaWorker.bind(i, address, events, directory, resources));
      } catch (IOException | RuntimeException e) {
        new WorkerGroup(bound, directory, false).stop("bind failed", Duration.ZERO);
        throw new IOException("media worker " + i + " could not bind " + address, e);
      }
    }
    return new WorkerGroup(bound, directory, config.faultInjection());
  }

  /** Hands every worker's loop to the launcher; on failure the caller must {@link #stop}. */
  public void launch(LoopLauncher launcher) throws Exception {
    for (MediaWorker worker : workers) {
      launcher.launch(worker.name(), worker);
    }
  }

  public List<MediaWorker> workers() {
    return workers;
  }

  public List<InetSocketAddress> localAddresses() {
    return workers.stream().map(MediaWorker::localAddress).toList();
  }

  /**
   * Asks every loop to end, then waits up to {@code timeout} in total for them. A loop that does
   * not end in time has its socket closed from here, so the ports are free when this returns.
   */
  public void stop(String reason, Duration timeout) {
    workers.forEach(w -> w.requestStop(reason));
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean interrupted = false;
    for (MediaWorker worker : workers) {
      boolean ended = false;
      if (!interrupted) {
        try {
          ended = worker.awaitExit(Math.max(0, deadline - System.nanoTime()));
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (!ended) {
        LOG.warning(() -> worker + " did not stop in " + timeout + "; closing its socket");
        worker.forceClose();
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public CompletionStage<RouterInfo> createRouter() {
    MediaWorker worker = leastLoaded();
    worker.load().incrementAndGet();
    CompletableFuture<RouterInfo> reply = new CompletableFuture<>();
    reply.whenComplete(
        (info, failure) -> {
          if (failure != null) {
            worker.load().decrementAndGet();
          }
        });
    worker.submit(new Command.RouterCreate(RouterId.random(), reply));
    return reply;
  }

  /** Fewest routers wins, lowest id on ties; workers that are stopping take no new routers. */
  private MediaWorker leastLoaded() {
    MediaWorker best = null;
    for (MediaWorker worker : workers) {
      if (!worker.isStopping() && (best == null || worker.load().get() < best.load().get())) {
        best = worker;
      }
    }
    return best != null ? best : workers.get(0); // all stopping: its queue answers CLOSED
  }

  @Override
  public CompletionStage<Void> closeRouter(RouterId id) {
    if (id == null) {
      return invalid("router id is null");
    }
    MediaWorker owner = directory.ownerOf(id);
    if (owner == null) {
      return OwnerRouting.notFound("no router " + id);
    }
    CompletableFuture<Void> reply = new CompletableFuture<>();
    owner.submit(new Command.RouterClose(id, reply));
    return reply;
  }

  @Override
  public CompletionStage<List<SpeakerLevel>> speakers(RouterId router) {
    return routing.onOwner(router, r -> new Command.RouterGetSpeakers(router, r));
  }

  @Override
  public CompletionStage<EngineDump> dump() {
    List<CompletableFuture<WorkerDump>> parts = workers.stream().map(MediaWorker::dump).toList();
    return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
        .thenApply(done -> new EngineDump(parts.stream().map(CompletableFuture::join).toList()));
  }

  // ---- transports, producers, consumers: each call goes to the worker that owns its object ----

  @Override
  public CompletionStage<WebRtcTransportInfo> createWebRtcTransport(RouterId router) {
    return routing.onOwner(
        router, r -> new Command.TransportCreate(TransportId.random(), router, r));
  }

  @Override
  public CompletionStage<Void> connectWebRtcTransport(
      TransportId transport, IceParameters remoteIce, DtlsParameters remoteDtls) {
    if (remoteDtls == null) {
      return invalid("remote DTLS parameters are required");
    }
    return routing.onOwner(
        transport, r -> new Command.TransportConnect(transport, remoteIce, remoteDtls, r));
  }

  @Override
  public CompletionStage<IceParameters> restartIce(TransportId transport, IceParameters remote) {
    return routing.onOwner(transport, r -> new Command.TransportRestartIce(transport, remote, r));
  }

  @Override
  public CompletionStage<Void> closeTransport(TransportId transport) {
    return routing.onOwner(transport, r -> new Command.TransportClose(transport, r));
  }

  @Override
  public CompletionStage<StatsReport> transportStats(TransportId transport) {
    return routing.onOwner(transport, r -> new Command.TransportGetStats(transport, r));
  }

  @Override
  public CompletionStage<ProducerInfo> produce(TransportId transport, RtpParameters parameters) {
    if (parameters == null) {
      return invalid("rtpParameters are required");
    }
    return routing.onOwner(
        transport, r -> new Command.ProducerCreate(ProducerId.random(), transport, parameters, r));
  }

  @Override
  public CompletionStage<Void> pauseProducer(ProducerId producer) {
    return routing.onOwner(
        producer, r -> new Command.ProducerChange(producer, Command.Verb.PAUSE, r));
  }

  @Override
  public CompletionStage<Void> resumeProducer(ProducerId producer) {
    return routing.onOwner(
        producer, r -> new Command.ProducerChange(producer, Command.Verb.RESUME, r));
  }

  @Override
  public CompletionStage<Void> closeProducer(ProducerId producer) {
    return routing.onOwner(
        producer, r -> new Command.ProducerChange(producer, Command.Verb.CLOSE, r));
  }

  @Override
  public CompletionStage<StatsReport> producerStats(ProducerId producer) {
    return routing.onOwner(producer, r -> new Command.ProducerGetStats(producer, r));
  }

  @Override
  public CompletionStage<ConsumerInfo> consume(
      TransportId transport, ProducerId producer, RtpParameters parameters) {
    if (producer == null || parameters == null) {
      return invalid("producer and rtpParameters are required");
    }
    return routing.onOwnerWith(
        producer,
        "producer",
        transport,
        r -> new Command.ConsumerCreate(ConsumerId.random(), transport, producer, parameters, r));
  }

  @Override
  public CompletionStage<Void> pauseConsumer(ConsumerId consumer) {
    return routing.onOwner(
        consumer, r -> new Command.ConsumerChange(consumer, Command.Verb.PAUSE, r));
  }

  @Override
  public CompletionStage<Void> resumeConsumer(ConsumerId consumer) {
    return routing.onOwner(
        consumer, r -> new Command.ConsumerChange(consumer, Command.Verb.RESUME, r));
  }

  @Override
  public CompletionStage<Void> requestKeyFrame(ConsumerId consumer) {
    return routing.onOwner(
        consumer, r -> new Command.ConsumerChange(consumer, Command.Verb.REQUEST_KEY_FRAME, r));
  }

  @Override
  public CompletionStage<Void> closeConsumer(ConsumerId consumer) {
    return routing.onOwner(
        consumer, r -> new Command.ConsumerChange(consumer, Command.Verb.CLOSE, r));
  }

  @Override
  public CompletionStage<StatsReport> consumerStats(ConsumerId consumer) {
    return routing.onOwner(consumer, r -> new Command.ConsumerGetStats(consumer, r));
  }

  // ---- data channels ----

  @Override
  public CompletionStage<SctpParameters> enableSctp(
      TransportId transport, SctpParameters remote, boolean emitMessages) {
    return data.enableSctp(transport, remote, emitMessages);
  }

  @Override
  public CompletionStage<DataProducerInfo> produceData(
      TransportId transport, DataChannelParameters channel) {
    return data.produceData(transport, channel);
  }

  @Override
  public CompletionStage<Void> closeDataProducer(DataProducerId id) {
    return data.closeDataProducer(id);
  }

  @Override
  public CompletionStage<StatsReport> dataProducerStats(DataProducerId id) {
    return data.dataProducerStats(id);
  }

  @Override
  public CompletionStage<DataConsumerInfo> consumeData(
      TransportId transport, DataProducerId producer, DataChannelParameters channel) {
    return data.consumeData(transport, producer, channel);
  }

  @Override
  public CompletionStage<Boolean> sendData(
      DataConsumerId consumer, boolean binary, byte[] payload) {
    return data.sendData(consumer, binary, payload);
  }

  @Override
  public CompletionStage<Void> closeDataConsumer(DataConsumerId id) {
    return data.closeDataConsumer(id);
  }

  @Override
  public CompletionStage<StatsReport> dataConsumerStats(DataConsumerId id) {
    return data.dataConsumerStats(id);
  }

  @Override
  public CompletionStage<Void> injectLoss(double percent) {
    if (!faultInjection) {
      return invalid("fault injection is not enabled (sfumato.media.fault-injection)");
    }
    if (!(percent >= 0 && percent <= 50)) {
      return invalid("loss percentage must be 0..50, was " + percent);
    }
    List<CompletableFuture<Void>> parts = new ArrayList<>();
    for (MediaWorker worker : workers) {
      CompletableFuture<Void> reply = new CompletableFuture<>();
      worker.submit(new Command.WorkerInjectLoss(percent, reply));
      parts.add(reply);
    }
    return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new));
  }
}
