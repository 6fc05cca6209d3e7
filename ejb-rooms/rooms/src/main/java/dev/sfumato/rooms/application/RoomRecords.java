package dev.sfumato.rooms.application;

import dev.sfumato.persistence.room.CodecSetting;
import dev.sfumato.persistence.room.RoomDefinition;
import dev.sfumato.rooms.domain.Codec;
import dev.sfumato.rooms.domain.CreateRoomSpec;
import dev.sfumato.rooms.domain.RoomSnapshot;
import java.time.Instant;

/** Translation between the stored room definition and the room layer's records. */
final class RoomRecords {
  private RoomRecords() {}

  static RoomDefinition newDefinition(CreateRoomSpec spec) {
    RoomDefinition room =
        RoomDefinition.create(
            spec.name(),
            spec.emptyTimeout(),
            spec.departureTimeout(),
            spec.maxParticipants(),
            Instant.now());
    room.setMetadata(spec.metadata());
    room.setEnabledCodecs(
        spec.enabledCodecs().stream().map(c -> new CodecSetting(c.mime(), c.fmtpLine())).toList());
    return room;
  }

  /** No participants yet: they arrive with the LiveKit session layer. */
  static RoomSnapshot snapshot(RoomDefinition room, String routerId) {
    return new RoomSnapshot(
        room.getSid(),
        room.getName(),
        room.getEmptyTimeout(),
        room.getDepartureTimeout(),
        room.getMaxParticipants(),
        room.getMetadata() == null ? "" : room.getMetadata(),
        room.getCreationTime(),
        room.getEnabledCodecs().stream().map(c -> new Codec(c.mime(), c.fmtpLine())).toList(),
        0,
        0,
        routerId);
  }
}
