package dev.sfumato.engine.api;

import java.util.Objects;

/** A new producer: one published track received on a transport. */
public record ProducerInfo(ProducerId id, TransportId transportId, MediaKind kind) {
  public ProducerInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(transportId, "transportId");
    Objects.requireNonNull(kind, "kind");
  }
}
