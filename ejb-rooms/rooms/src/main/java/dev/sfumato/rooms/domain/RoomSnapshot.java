package dev.sfumato.rooms.domain;

import java.time.Instant;
import java.util.List;

/**
 * An immutable view of a room as the admin API reports it: its durable definition plus what is live
 * right now (participants, the media router that carries its media).
 */
public record RoomSnapshot(
    String sid,
    String name,
    int emptyTimeout,
    int departureTimeout,
    int maxParticipants,
    String metadata,
    Instant creationTime,
    List<Codec> enabledCodecs,
    int numParticipants,
    int numPublishers,
    String routerId) {

  public RoomSnapshot {
    enabledCodecs = List.copyOf(enabledCodecs);
  }
}
