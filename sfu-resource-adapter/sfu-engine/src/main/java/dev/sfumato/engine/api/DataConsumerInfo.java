package dev.sfumato.engine.api;

import java.util.Objects;

/**
 * A data consumer: a data channel of a transport on which the engine sends, either the messages of
 * one data producer or (producer null) the messages the application passes to {@code sendData}.
 */
public record DataConsumerInfo(
    DataConsumerId id,
    TransportId transportId,
    DataProducerId dataProducerId,
    DataChannelParameters channel) {
  public DataConsumerInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(transportId, "transportId");
    Objects.requireNonNull(channel, "channel");
  }
}
