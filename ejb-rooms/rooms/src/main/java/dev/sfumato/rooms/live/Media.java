package dev.sfumato.rooms.live;

import dev.sfumato.engine.api.ConsumerId;
import dev.sfumato.engine.api.DataChannelParameters;
import dev.sfumato.engine.api.DataConsumerId;
import dev.sfumato.engine.api.DtlsParameters;
import dev.sfumato.engine.api.IceParameters;
import dev.sfumato.engine.api.ProducerId;
import dev.sfumato.engine.api.RouterId;
import dev.sfumato.engine.api.RtpParameters;
import dev.sfumato.engine.api.SctpParameters;
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

  /**
   * Starts SCTP on the transport (engine {@code enableSctp} with {@code emitMessages=true}): the
   * association comes up once DTLS is connected, and every message of the peer's channels becomes a
   * data message event. {@code remote} is the peer's a=sctp-port and a=max-message-size; returns
   * ours for the SDP.
   */
  SctpParameters enableSctp(TransportId transport, SctpParameters remote);

  /**
   * A channel the room sends on (engine {@code consumeData(transport, null, channel)}). A stream id
   * of -1 opens a new channel with DCEP (v0 subscriber side); otherwise it is the id of a channel
   * the client opened, on which we answer (v1, v0 publisher side).
   */
  DataConsumerId openDataChannel(TransportId transport, DataChannelParameters channel);

  /** One binary message on that channel; fire-and-forget, never blocks the room. */
  void sendData(DataConsumerId channel, byte[] payload);

  void closeDataChannel(DataConsumerId channel);
}
