package dev.sfumato.rooms.engine;

import dev.sfumato.engine.api.ConsumerId;
import dev.sfumato.engine.api.ConsumerInfo;
import dev.sfumato.engine.api.DataChannelParameters;
import dev.sfumato.engine.api.DataConsumerId;
import dev.sfumato.engine.api.DataConsumerInfo;
import dev.sfumato.engine.api.DataProducerId;
import dev.sfumato.engine.api.DataProducerInfo;
import dev.sfumato.engine.api.DtlsParameters;
import dev.sfumato.engine.api.EngineDump;
import dev.sfumato.engine.api.EngineException;
import dev.sfumato.engine.api.IceParameters;
import dev.sfumato.engine.api.ProducerId;
import dev.sfumato.engine.api.ProducerInfo;
import dev.sfumato.engine.api.RouterId;
import dev.sfumato.engine.api.RtpParameters;
import dev.sfumato.engine.api.SctpParameters;
import dev.sfumato.engine.api.StatsReport;
import dev.sfumato.engine.api.TransportId;
import dev.sfumato.engine.api.WebRtcTransportInfo;
import dev.sfumato.ra.api.SfuConnection;
import dev.sfumato.ra.api.SfuConnectionFactory;
import dev.sfumato.rooms.domain.Limits;
import dev.sfumato.rooms.domain.RoomException;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.resource.ResourceException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The session layer's door to the media engine: one outbound JCA connection per call, the engine's
 * asynchronous answer awaited with a bound ({@link Limits#ENGINE_CALL_TIMEOUT_MS}) so that a stuck
 * worker turns into a clear error rather than a hung request.
 */
@Stateless
public class EngineGateway {

  private static final Logger LOG = Logger.getLogger(EngineGateway.class.getName());

  @Resource(lookup = "eis/sfumato/engine")
  private SfuConnectionFactory connections;

  public RouterId openRouter() {
    return call(c -> c.createRouter()).id();
  }

  public void closeRouter(RouterId id) {
    call(c -> c.closeRouter(id));
  }

  public EngineDump dump() {
    return call(SfuConnection::dump);
  }

  public WebRtcTransportInfo createWebRtcTransport(RouterId router) {
    return call(c -> c.createWebRtcTransport(router));
  }

  public void connectWebRtcTransport(
      TransportId transport, IceParameters remoteIce, DtlsParameters remoteDtls) {
    call(c -> c.connectWebRtcTransport(transport, remoteIce, remoteDtls));
  }

  public IceParameters restartIce(TransportId transport) {
    return call(c -> c.restartIce(transport));
  }

  /** New local ICE credentials, and the peer's new ones ({@code remote} may be null). */
  public IceParameters restartIce(TransportId transport, IceParameters remote) {
    return call(c -> c.restartIce(transport, remote));
  }

  public void closeTransport(TransportId transport) {
    call(c -> c.closeTransport(transport));
  }

  public ProducerInfo produce(TransportId transport, RtpParameters parameters) {
    return call(c -> c.produce(transport, parameters));
  }

  public ConsumerInfo consume(TransportId transport, ProducerId producer, RtpParameters params) {
    return call(c -> c.consume(transport, producer, params));
  }

  public void closeProducer(ProducerId producer) {
    call(c -> c.closeProducer(producer));
  }

  public void closeConsumer(ConsumerId consumer) {
    call(c -> c.closeConsumer(consumer));
  }

  public void pauseConsumer(ConsumerId consumer) {
    call(c -> c.pauseConsumer(consumer));
  }

  public void resumeConsumer(ConsumerId consumer) {
    call(c -> c.resumeConsumer(consumer));
  }

  // ---- data channels ----

  /** Starts SCTP on the transport; returns our a=sctp-port / a=max-message-size for the answer. */
  public SctpParameters enableSctp(
      TransportId transport, SctpParameters remote, boolean emitMessages) {
    return call(c -> c.enableSctp(transport, remote, emitMessages));
  }

  public DataProducerInfo produceData(TransportId transport, DataChannelParameters channel) {
    return call(c -> c.produceData(transport, channel));
  }

  public void closeDataProducer(DataProducerId id) {
    call(c -> c.closeDataProducer(id));
  }

  public StatsReport dataProducerStats(DataProducerId id) {
    return call(c -> c.dataProducerStats(id));
  }

  /** {@code producer} null: an application-fed consumer (see {@link #sendDataAsync}). */
  public DataConsumerInfo consumeData(
      TransportId transport, DataProducerId producer, DataChannelParameters channel) {
    return call(c -> c.consumeData(transport, producer, channel));
  }

  /**
   * Queues one message on an application-fed data consumer and returns at once: data packets are
   * fire-and-forget like the datagrams they ride on, and a room relaying chat must not wait per
   * recipient. {@code payload} belongs to the engine from here on. A refusal (full send buffer,
   * closed consumer, engine down) is counted by the engine and logged here at FINE.
   */
  public void sendDataAsync(DataConsumerId consumer, boolean binary, byte[] payload) {
    CompletionStage<Boolean> sent;
    try (SfuConnection connection = connections.getConnection()) {
      sent = connection.sendData(consumer, binary, payload);
    } catch (ResourceException | RuntimeException e) {
      LOG.log(Level.FINE, e, () -> "data for " + consumer + " not sent");
      return;
    }
    sent.whenComplete(
        (ok, failure) -> {
          if (failure != null) {
            LOG.log(Level.FINE, failure, () -> "data for " + consumer + " not sent");
          } else if (!ok) {
            LOG.fine(() -> "data for " + consumer + " dropped: send buffer full or too large");
          }
        });
  }

  public void closeDataConsumer(DataConsumerId id) {
    call(c -> c.closeDataConsumer(id));
  }

  public StatsReport dataConsumerStats(DataConsumerId id) {
    return call(c -> c.dataConsumerStats(id));
  }

  /** Test-only packet loss (0..50 %); INVALID_ARGUMENT unless fault injection is configured. */
  public void injectLoss(double percent) {
    call(c -> c.injectLoss(percent));
  }

  private <T> T call(Function<SfuConnection, CompletionStage<T>> command) {
    try (SfuConnection connection = connections.getConnection()) {
      return command
          .apply(connection)
          .toCompletableFuture()
          .get(Limits.ENGINE_CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    } catch (ResourceException e) {
      throw new RoomException(RoomException.Code.UNAVAILABLE, "media engine unavailable", e);
    } catch (ExecutionException e) {
      throw translate(e.getCause());
    } catch (TimeoutException e) {
      throw new RoomException(RoomException.Code.UNAVAILABLE, "media engine did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RoomException(RoomException.Code.UNAVAILABLE, "interrupted", e);
    }
  }

  private static RoomException translate(Throwable cause) {
    if (cause instanceof EngineException e) {
      RoomException.Code code =
          switch (e.code()) {
            case NOT_FOUND -> RoomException.Code.NOT_FOUND;
            case INVALID_ARGUMENT -> RoomException.Code.INVALID_ARGUMENT;
            case CLOSED -> RoomException.Code.UNAVAILABLE;
            default -> RoomException.Code.INTERNAL;
          };
      return new RoomException(code, "media engine: " + e.getMessage(), e);
    }
    return new RoomException(RoomException.Code.INTERNAL, "media engine failed", cause);
  }
}
