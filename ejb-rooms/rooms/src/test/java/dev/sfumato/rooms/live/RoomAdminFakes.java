package dev.sfumato.rooms.live;

import dev.sfumato.rooms.auth.ClaimGrants;
import dev.sfumato.rooms.auth.VideoGrant;
import dev.sfumato.rooms.domain.RoomSnapshot;
import java.time.Instant;
import java.util.List;
import livekit.LivekitModels.ParticipantInfo;
import livekit.LivekitModels.TrackSource;
import livekit.LivekitModels.TrackType;
import livekit.LivekitRtc.AddTrackRequest;

/** Test doubles for the RoomAdmin tests: a media engine that records calls, recording sinks. */
final class RoomAdminFakes {
  private RoomAdminFakes() {}

  static final ServerSettings SETTINGS =
      new ServerSettings("1.0.0-test", "node-test", List.of(), 5, 15, 10, false);

  static RoomSnapshot snapshot(String name) {
    return new RoomSnapshot(
        "RM_" + name, name, 300, 20, 0, "", Instant.now(), List.of(), 0, 0, "RT_" + name);
  }

  /** A v1 participant without a peer connection: subscriptions are recorded, not negotiated. */
  static Participant participant(String identity, VideoGrant grant) {
    ClaimGrants claims =
        ClaimGrants.builder().identity(identity).name(identity + " name").video(grant).build();
    Participant p =
        new Participant(
            Sids.participant(),
            claims,
            Participant.Protocol.V1,
            16,
            ParticipantInfo.Kind.STANDARD,
            System.currentTimeMillis());
    p.autoSubscribe = true;
    return p;
  }

  static VideoGrant joinGrant(String room) {
    return VideoGrant.builder().roomJoin(true).room(room).build();
  }

  /** A track of {@code p} that is live (has a producer) and has been announced to the room. */
  static Publication publish(Room room, Participant p, TrackType type, TrackSource source) {
    synchronized (room) {
      Publication t =
          new Publication(
              Sids.track(),
              p,
              AddTrackRequest.newBuilder()
                  .setCid("cid-" + source)
                  .setType(type)
                  .setSource(source)
                  .setName(source.name().toLowerCase())
                  .build());
      t.producer = room.media.produce(null, null);
      p.publications.put(t.sid, t);
      room.published(t);
      return t;
    }
  }
}
