package dev.sfumato.ra.outbound;

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
import dev.sfumato.ra.SfuResourceAdapter;
import dev.sfumato.ra.api.SfuConnection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** The application's handle: forwards each call to the adapter's running engine. */
public final class SfuConnectionHandle implements SfuConnection {

  private volatile SfuManagedConnection owner;
  private volatile boolean closed;

  SfuConnectionHandle(SfuManagedConnection owner) {
    this.owner = owner;
  }

  @Override
  public CompletionStage<RouterInfo> createRouter() {
    return call(EngineControl::createRouter);
  }

  @Override
  public CompletionStage<Void> closeRouter(RouterId id) {
    return call(control -> control.closeRouter(id));
  }

  @Override
  public CompletionStage<List<SpeakerLevel>> speakers(RouterId router) {
    return call(control -> control.speakers(router));
  }

  @Override
  public CompletionStage<EngineDump> dump() {
    return call(EngineControl::dump);
  }

  @Override
  public CompletionStage<WebRtcTransportInfo> createWebRtcTransport(RouterId router) {
    return call(control -> control.createWebRtcTransport(router));
  }

  @Override
  public CompletionStage<Void> connectWebRtcTransport(
      TransportId transport, IceParameters remoteIce, DtlsParameters remoteDtls) {
    return call(control -> control.connectWebRtcTransport(transport, remoteIce, remoteDtls));
  }

  @Override
  public CompletionStage<IceParameters> restartIce(TransportId transport, IceParameters remote) {
    return call(control -> control.restartIce(transport, remote));
  }

  @Override
  public CompletionStage<Void> closeTransport(TransportId transport) {
    return call(control -> control.closeTransport(transport));
  }

  @Override
  public CompletionStage<StatsReport> transportStats(TransportId transport) {
    return call(control -> control.transportStats(transport));
  }

  @Override
  public CompletionStage<ProducerInfo> produce(TransportId transport, RtpParameters parameters) {
    return call(control -> control.produce(transport, parameters));
  }

  @Override
  public CompletionStage<Void> pauseProducer(ProducerId producer) {
    return call(control -> control.pauseProducer(producer));
  }

  @Override
  public CompletionStage<Void> resumeProducer(ProducerId producer) {
    return call(control -> control.resumeProducer(producer));
  }

  @Override
  public CompletionStage<Void> closeProducer(ProducerId producer) {
    return call(control -> control.closeProducer(producer));
  }

  @Override
  public CompletionStage<StatsReport> producerStats(ProducerId producer) {
    return call(control -> control.producerStats(producer));
  }

  @Override
  public CompletionStage<ConsumerInfo> consume(
      TransportId transport, ProducerId producer, RtpParameters parameters) {
    return call(control -> control.consume(transport, producer, parameters));
  }

  @Override
  public CompletionStage<Void> pauseConsumer(ConsumerId consumer) {
    return call(control -> control.pauseConsumer(consumer));
  }

  @Override
  public CompletionStage<Void> resumeConsumer(ConsumerId consumer) {
    return call(control -> control.resumeConsumer(consumer));
  }

  @Override
  public CompletionStage<Void> requestKeyFrame(ConsumerId consumer) {
    return call(control -> control.requestKeyFrame(consumer));
  }

  @Override
  public CompletionStage<Void> closeConsumer(ConsumerId consumer) {
    return call(control -> control.closeConsumer(consumer));
  }

  @Override
  public CompletionStage<StatsReport> consumerStats(ConsumerId consumer) {
    return call(control -> control.consumerStats(consumer));
  }

  @Override
  public CompletionStage<SctpParameters> enableSctp(
      TransportId transport, SctpParameters remote, boolean emitMessages) {
    return call(control -> control.enableSctp(transport, remote, emitMessages));
  }

  @Override
  public CompletionStage<DataProducerInfo> produceData(
      TransportId transport, DataChannelParameters channel) {
    return call(control -> control.produceData(transport, channel));
  }

  @Override
  public CompletionStage<Void> closeDataProducer(DataProducerId id) {
    return call(control -> control.closeDataProducer(id));
  }

  @Override
  public CompletionStage<StatsReport> dataProducerStats(DataProducerId id) {
    return call(control -> control.dataProducerStats(id));
  }

  @Override
  public CompletionStage<DataConsumerInfo> consumeData(
      TransportId transport, DataProducerId producer, DataChannelParameters channel) {
    return call(control -> control.consumeData(transport, producer, channel));
  }

  @Override
  public CompletionStage<Boolean> sendData(
      DataConsumerId consumer, boolean binary, byte[] payload) {
    return call(control -> control.sendData(consumer, binary, payload));
  }

  @Override
  public CompletionStage<Void> closeDataConsumer(DataConsumerId id) {
    return call(control -> control.closeDataConsumer(id));
  }

  @Override
  public CompletionStage<StatsReport> dataConsumerStats(DataConsumerId id) {
    return call(control -> control.dataConsumerStats(id));
  }

  @Override
  public CompletionStage<Void> injectLoss(double percent) {
    return call(control -> control.injectLoss(percent));
  }

  private <T> CompletionStage<T> call(Function<EngineControl, CompletionStage<T>> call) {
    SfuManagedConnection current = owner;
    SfuResourceAdapter adapter = current == null ? null : current.adapter();
    if (closed || adapter == null) {
      return CompletableFuture.failedFuture(
          new EngineException(EngineException.Code.CLOSED, "connection is closed"));
    }
    return adapter.call(call);
  }

  @Override
  public void close() {
    SfuManagedConnection current = owner;
    if (!closed) {
      closed = true;
      if (current != null) {
        current.handleClosed(this);
      }
    }
  }

  /** The container moved this handle to another managed connection; returns the previous one. */
  SfuManagedConnection reassociate(SfuManagedConnection next) {
    SfuManagedConnection previous = owner;
    owner = next;
    return previous;
  }

  /** The managed connection was cleaned up: the handle is dead without a close event. */
  void invalidate() {
    closed = true;
    owner = null;
  }
}
