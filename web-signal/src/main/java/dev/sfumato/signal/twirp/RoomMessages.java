package dev.sfumato.signal.twirp;

import dev.sfumato.rooms.domain.Codec;
import dev.sfumato.rooms.domain.CreateRoomSpec;
import dev.sfumato.rooms.domain.RoomSnapshot;
import livekit.LivekitModels;
import livekit.LivekitRoom;

/** Translation between LiveKit's protobuf room messages and the room layer's records. */
final class RoomMessages {
  private RoomMessages() {}

  static CreateRoomSpec spec(LivekitRoom.CreateRoomRequest request) {
    return new CreateRoomSpec(
        request.getName(),
        request.getEmptyTimeout(),
        request.getDepartureTimeout(),
        request.getMaxParticipants(),
        request.getMetadata(),
        java.util.List.of());
  }

  static LivekitModels.Room room(RoomSnapshot room) {
    LivekitModels.Room.Builder b =
        LivekitModels.Room.newBuilder()
            .setSid(room.sid())
            .setName(room.name())
            .setEmptyTimeout(room.emptyTimeout())
            .setDepartureTimeout(room.departureTimeout())
            .setMaxParticipants(room.maxParticipants())
            .setCreationTime(room.creationTime().getEpochSecond())
            .setCreationTimeMs(room.creationTime().toEpochMilli())
            .setMetadata(room.metadata())
            .setNumParticipants(room.numParticipants())
            .setNumPublishers(room.numPublishers());
    for (Codec codec : room.enabledCodecs()) {
      b.addEnabledCodecs(
          LivekitModels.Codec.newBuilder().setMime(codec.mime()).setFmtpLine(codec.fmtpLine()));
    }
    return b.build();
  }
}
