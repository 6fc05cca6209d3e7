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
import dev.sfumato.rooms.engine.EngineGateway;

/** {@link Media} on the real engine, through the JCA connection factory. */
final class EngineMedia implements Media {
  private final EngineGateway engine;

  EngineMedia(EngineGateway engine) {
    this.engine = engine;
  }

  @Override
  public WebRtcTransportInfo createTransport(RouterId router) {
    return engine.createWebRtcTransport(router);
  }

  @Override
  public void connect(TransportId transport, IceParameters remoteIce, DtlsParameters remoteDtls) {
    engine.connectWebRtcTransport(transport, remoteIce, remoteDtls);
  }

  @Override
  public IceParameters restartIce(TransportId transport, IceParameters remoteIce) {
    return engine.restartIce(transport, remoteIce);
  }

  @Override
  public void closeTransport(TransportId transport) {
    engine.closeTransport(transport);
  }

  @Override
  public ProducerId produce(TransportId transport, RtpParameters parameters) {
    return engine.produce(transport, parameters).id();
  }

  @Override
  public void closeProducer(ProducerId producer) {
    engine.closeProducer(producer);
  }

  @Override
  public ConsumerId consume(TransportId transport, ProducerId producer, RtpParameters parameters) {
    return engine.consume(transport, producer, parameters).id();
  }

  @Override
  public void closeConsumer(ConsumerId consumer) {
    engine.closeConsumer(consumer);
  }

  @Override
  public void setConsumerPaused(ConsumerId consumer, boolean paused) {
    if (paused) {
      engine.pauseConsumer(consumer);
    } else {
      engine.resumeConsumer(consumer);
    }
  }

  // The engine's data channel methods land with the engine half of issue 5; EngineGateway gets
  // its sync wrappers at merge.

  @Override
  public SctpParameters enableSctp(TransportId transport, SctpParameters remote) {
    return engine.enableSctp(transport, remote, true);
  }

  @Override
  public DataConsumerId openDataChannel(TransportId transport, DataChannelParameters channel) {
    return engine.consumeData(transport, null, channel).id();
  }

  @Override
  public void sendData(DataConsumerId channel, byte[] payload) {
    // Not awaited: the room must not wait for the media worker. A full SCTP send buffer is a
    // counted drop in the engine (consumer stats "droppedBufferFull").
    engine.sendDataAsync(channel, true, payload);
  }

  @Override
  public void closeDataChannel(DataConsumerId channel) {
    engine.closeDataConsumer(channel);
  }
}
