package dev.sfumato.engine.api;

import java.util.Objects;

/**
 * A new consumer: one producer's media sent on a transport, with the parameters it is sent with
 * (its own SSRCs, the subscriber's payload types and extension ids).
 */
public record ConsumerInfo(
    ConsumerId id,
    TransportId transportId,
    ProducerId producerId,
    MediaKind kind,
    RtpParameters rtpParameters) {
  public ConsumerInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(transportId, "transportId");
    Objects.requireNonNull(producerId, "producerId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(rtpParameters, "rtpParameters");
  }
}
