package dev.sfumato.engine.worker;

import static dev.sfumato.engine.worker.OwnerRouting.invalid;

import dev.sfumato.engine.api.DataChannelParameters;
import dev.sfumato.engine.api.DataConsumerId;
import dev.sfumato.engine.api.DataConsumerInfo;
import dev.sfumato.engine.api.DataProducerId;
import dev.sfumato.engine.api.DataProducerInfo;
import dev.sfumato.engine.api.SctpParameters;
import dev.sfumato.engine.api.StatsReport;
import dev.sfumato.engine.api.TransportId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The data-channel calls of {@link dev.sfumato.engine.api.EngineControl} (SCTP on a transport, data
 * producers and consumers), checked and queued to the worker that owns their object. Its own class
 * so that {@link WorkerGroup}, which delegates here, keeps the group's life and the media calls.
 */
final class DataCalls {

  private final OwnerRouting routing;

  DataCalls(OwnerRouting routing) {
    this.routing = routing;
  }

  CompletionStage<SctpParameters> enableSctp(
      TransportId transport, SctpParameters remote, boolean emitMessages) {
    if (remote == null) {
      return invalid("remote SCTP parameters are required");
    }
    return routing.onOwner(
        transport, r -> new Command.TransportEnableSctp(transport, remote, emitMessages, r));
  }

  CompletionStage<DataProducerInfo> produceData(
      TransportId transport, DataChannelParameters channel) {
    if (channel == null) {
      return invalid("channel parameters are required");
    }
    return routing.onOwner(
        transport,
        r -> new Command.DataProducerCreate(DataProducerId.random(), transport, channel, r));
  }

  CompletionStage<Void> closeDataProducer(DataProducerId id) {
    return routing.onOwner(id, r -> new Command.DataProducerClose(id, r));
  }

  CompletionStage<StatsReport> dataProducerStats(DataProducerId id) {
    return routing.onOwner(id, r -> new Command.DataProducerGetStats(id, r));
  }

  /** Without a producer: a consumer the session layer sends on with {@link #sendData}. */
  CompletionStage<DataConsumerInfo> consumeData(
      TransportId transport, DataProducerId producer, DataChannelParameters channel) {
    if (channel == null) {
      return invalid("channel parameters are required");
    }
    Function<CompletableFuture<DataConsumerInfo>, Command> create =
        r ->
            new Command.DataConsumerCreate(
                DataConsumerId.random(), transport, producer, channel, r);
    return producer == null
        ? routing.onOwner(transport, create)
        : routing.onOwnerWith(producer, "data producer", transport, create);
  }

  CompletionStage<Boolean> sendData(DataConsumerId consumer, boolean binary, byte[] payload) {
    if (payload == null) {
      return invalid("payload is required");
    }
    return routing.onOwner(
        consumer, r -> new Command.DataConsumerSend(consumer, binary, payload, r));
  }

  CompletionStage<Void> closeDataConsumer(DataConsumerId id) {
    return routing.onOwner(id, r -> new Command.DataConsumerClose(id, r));
  }

  CompletionStage<StatsReport> dataConsumerStats(DataConsumerId id) {
    return routing.onOwner(id, r -> new Command.DataConsumerGetStats(id, r));
  }
}
