package dev.sfumato.rooms.live;

import dev.sfumato.engine.api.ConsumerId;
import dev.sfumato.engine.api.DtlsParameters;
import dev.sfumato.engine.api.IceParameters;
import dev.sfumato.engine.api.ProducerId;
import dev.sfumato.engine.api.RouterId;
import dev.sfumato.engine.api.RtpParameters;
import dev.sfumato.engine.api.TransportId;
import dev.sfumato.engine.api.WebRtcTransportInfo;

/**
 * The media engine as the room logic uses it (synchronous; failures are {@code RoomException}s). In
 * the server it is the JCA connection behind {@code EngineGateway}; unit tests pass a fake.
 */
public interface Media {
  WebRtcTransportInfo createTransport(RouterId router);

  void connect(TransportId transport, IceParameters remoteIce, DtlsParameters remoteDtls);

  /** New local ICE credentials; {@code remoteIce} are the peer's new ones (may be null). */
  IceParameters restartIce(TransportId transport, IceParameters remoteIce);

  void closeTransport(TransportId transport);

  ProducerId produce(TransportId transport, RtpParameters parameters);

  void closeProducer(ProducerId producer);

  ConsumerId consume(TransportId transport, ProducerId producer, RtpParameters parameters);

  void closeConsumer(ConsumerId consumer);

  void setConsumerPaused(ConsumerId consumer, boolean paused);
}
