package dev.sfumato.engine.api;

import java.util.Objects;

/** A data producer: the messages the peer sends on one data channel of a transport. */
public record DataProducerInfo(
    DataProducerId id, TransportId transportId, DataChannelParameters channel) {
  public DataProducerInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(transportId, "transportId");
    Objects.requireNonNull(channel, "channel");
  }
}
