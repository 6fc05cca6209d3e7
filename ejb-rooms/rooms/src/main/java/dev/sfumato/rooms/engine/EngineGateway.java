package dev.sfumato.rooms.engine;

import dev.sfumato.engine.api.ConsumerId;
import dev.sfumato.engine.api.ConsumerInfo;
import dev.sfumato.engine.api.DtlsParameters;
import dev.sfumato.engine.api.EngineDump;
import dev.sfumato.engine.api.EngineException;
import dev.sfumato.engine.api.IceParameters;
import dev.sfumato.engine.api.ProducerId;
import dev.sfumato.engine.api.ProducerInfo;
import dev.sfumato.engine.api.RouterId;
import dev.sfumato.engine.api.RtpParameters;
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

/**
 * The session layer's door to the media engine: one outbound JCA connection per call, the engine's
 * asynchronous answer awaited with a bound ({@link Limits#ENGINE_CALL_TIMEOUT_MS}) so that a stuck
 * worker turns into a clear error rather than a hung request.
 */
@Stateless
public class EngineGateway {

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
