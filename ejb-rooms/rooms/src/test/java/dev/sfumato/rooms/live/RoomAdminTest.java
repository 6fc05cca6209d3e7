package dev.sfumato.rooms.live;

import static dev.sfumato.rooms.live.RoomAdminFakes.joinGrant;
import static dev.sfumato.rooms.live.RoomAdminFakes.participant;
import static dev.sfumato.rooms.live.RoomAdminFakes.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sfumato.rooms.domain.Limits;
import dev.sfumato.rooms.domain.RoomException;
import dev.sfumato.rooms.domain.RoomSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import livekit.LivekitModels.DisconnectReason;
import livekit.LivekitModels.ParticipantInfo;
import livekit.LivekitModels.ParticipantTracks;
import livekit.LivekitModels.TrackInfo;
import livekit.LivekitModels.TrackSource;
import livekit.LivekitModels.TrackType;
import livekit.LivekitRtc.LeaveRequest;
import livekit.LivekitRtc.SignalResponse.MessageCase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RoomAdminTest {
  private final FakeMedia media = new FakeMedia();
  private final Map<String, Room> live = new HashMap<>();
  private final Set<String> stored = Set.of("r1", "stored-empty");
  private final List<String> metadataWrites = new ArrayList<>();
  private final RoomAdmin admin = new RoomAdmin(live::get, stored::contains, this::storeMetadata);

  private Room room;
  private Participant alice;
  private Participant bob;
  private RecordingSink aliceSink;
  private RecordingSink bobSink;

  private RoomSnapshot storeMetadata(String name, String metadata) {
    if (!stored.contains(name)) {
      throw new RoomException(RoomException.Code.NOT_FOUND, RoomAdmin.NO_ROOM);
    }
    metadataWrites.add(name + "=" + metadata);
    RoomSnapshot s = RoomAdminFakes.snapshot(name);
    return new RoomSnapshot(
        s.sid(),
        s.name(),
        s.emptyTimeout(),
        s.departureTimeout(),
        s.maxParticipants(),
        metadata,
        s.creationTime(),
        s.enabledCodecs(),
        0,
        0,
        s.routerId());
  }

  @BeforeEach
  void twoParticipants() {
    room = new Room(RoomAdminFakes.snapshot("r1"), media, RoomAdminFakes.SETTINGS, 0);
    live.put("r1", room);
    alice = participant("alice", joinGrant("r1"));
    bob = participant("bob", joinGrant("r1"));
    aliceSink = new RecordingSink();
    bobSink = new RecordingSink();
    room.join(alice, aliceSink);
    room.join(bob, bobSink);
    room.flushUpdates();
    aliceSink.clear();
    bobSink.clear();
  }

  // ---- ListParticipants / GetParticipant ----

  @Test
  void listsEveryoneInTheRoomHiddenParticipantsIncluded() {
    Participant recorder =
        participant("recorder", joinGrant("r1").toBuilder().hidden(true).build());
    room.join(recorder, new RecordingSink());

    assertThat(admin.listParticipants("r1"))
        .extracting(ParticipantInfo::getIdentity)
        .containsExactly("alice", "bob", "recorder");
    assertThat(admin.listParticipants("r1").get(2).getPermission().getHidden()).isTrue();
  }

  @Test
  void aStoredRoomWithNobodyLiveListsNoParticipantsButHasNoneToGet() {
    assertThat(admin.listParticipants("stored-empty")).isEmpty();
    assertNotFound(() -> admin.getParticipant("stored-empty", "alice"), RoomAdmin.NO_PARTICIPANT);
    assertNotFound(
        () -> admin.removeParticipant("stored-empty", "alice"), RoomAdmin.NO_PARTICIPANT);
  }

  @Test
  void unknownRoomIsNotFoundForEveryCall() {
    assertNotFound(() -> admin.listParticipants("nope"), RoomAdmin.NO_ROOM);
    assertNotFound(() -> admin.getParticipant("nope", "alice"), RoomAdmin.NO_ROOM);
    assertNotFound(() -> admin.removeParticipant("nope", "alice"), RoomAdmin.NO_ROOM);
    assertNotFound(
        () -> admin.mutePublishedTrack("nope", "alice", "TR_x", true), RoomAdmin.NO_ROOM);
    assertNotFound(
        () -> admin.updateParticipant("nope", "alice", "m", "", null, Map.of()), RoomAdmin.NO_ROOM);
    assertNotFound(
        () -> admin.updateSubscriptions("nope", "alice", List.of(), List.of(), true),
        RoomAdmin.NO_ROOM);
    assertNotFound(() -> admin.updateRoomMetadata("nope", "m"), RoomAdmin.NO_ROOM);
  }

  @Test
  void aClosedRoomCountsAsNotLive() {
    room.close(DisconnectReason.ROOM_DELETED);
    assertThat(admin.listParticipants("r1")).isEmpty();
    assertNotFound(() -> admin.getParticipant("r1", "alice"), RoomAdmin.NO_PARTICIPANT);
  }

  @Test
  void getsOneParticipantWithItsTracks() {
    Publication mic = publish(room, alice, TrackType.AUDIO, TrackSource.MICROPHONE);

    ParticipantInfo info = admin.getParticipant("r1", "alice");
    assertThat(info.getSid()).isEqualTo(alice.sid);
    assertThat(info.getName()).isEqualTo("alice name");
    assertThat(info.getState()).isEqualTo(ParticipantInfo.State.JOINED);
    assertThat(info.getTracksList()).extracting(TrackInfo::getSid).containsExactly(mic.sid);
    assertNotFound(() -> admin.getParticipant("r1", "carol"), RoomAdmin.NO_PARTICIPANT);
    assertNotFound(() -> admin.getParticipant("r1", ""), RoomAdmin.NO_PARTICIPANT);
  }

  // ---- RemoveParticipant ----

  @Test
  void removedParticipantIsToldWhyAndDisconnectedAndOthersSeeItLeave() {
    Publication cam = publish(room, alice, TrackType.VIDEO, TrackSource.CAMERA);
    var producer = cam.producer;
    assertThat(bob.subscriptions).containsKey(cam.sid);
    aliceSink.clear();
    bobSink.clear();

    admin.removeParticipant("r1", "alice");

    var leave = aliceSink.of(MessageCase.LEAVE);
    assertThat(leave).hasSize(1);
    assertThat(leave.get(0).getLeave().getReason()).isEqualTo(DisconnectReason.PARTICIPANT_REMOVED);
    assertThat(leave.get(0).getLeave().getAction()).isEqualTo(LeaveRequest.Action.DISCONNECT);
    assertThat(leave.get(0).getLeave().getCanReconnect()).isFalse();
    assertThat(aliceSink.closedReason).isEqualTo("PARTICIPANT_REMOVED");
    assertThat(media.calls).contains("closeProducer " + producer);
    assertThat(bob.subscriptions).isEmpty();
    assertThat(bobSink.updates())
        .anySatisfy(
            i -> {
              assertThat(i.getIdentity()).isEqualTo("alice");
              assertThat(i.getState()).isEqualTo(ParticipantInfo.State.DISCONNECTED);
            });
    assertThat(admin.listParticipants("r1"))
        .extracting(ParticipantInfo::getIdentity)
        .containsExactly("bob");
    assertNotFound(() -> admin.removeParticipant("r1", "alice"), RoomAdmin.NO_PARTICIPANT);
  }

  // ---- MutePublishedTrack ----

  @Test
  void muteTellsThePublisherAndEveryoneAndReturnsTheTrack() {
    Publication mic = publish(room, alice, TrackType.AUDIO, TrackSource.MICROPHONE);
    aliceSink.clear();
    bobSink.clear();

    TrackInfo track = admin.mutePublishedTrack("r1", "alice", mic.sid, true);

    assertThat(track.getSid()).isEqualTo(mic.sid);
    assertThat(track.getMuted()).isTrue();
    assertThat(mic.muted).isTrue();
    var mute = aliceSink.of(MessageCase.MUTE);
    assertThat(mute).hasSize(1);
    assertThat(mute.get(0).getMute().getSid()).isEqualTo(mic.sid);
    assertThat(mute.get(0).getMute().getMuted()).isTrue();
    // A publisher's change goes out at once, no flush needed.
    assertThat(bobSink.updates()).anySatisfy(i -> assertThat(i.getTracks(0).getMuted()).isTrue());

    assertThat(admin.mutePublishedTrack("r1", "alice", mic.sid, false).getMuted()).isFalse();
    assertThat(mic.muted).isFalse();
  }

  @Test
  void muteOfAnUnknownTrackOrParticipantIsNotFound() {
    Publication mic = publish(room, alice, TrackType.AUDIO, TrackSource.MICROPHONE);
    assertNotFound(
        () -> admin.mutePublishedTrack("r1", "alice", "TR_nope", true), RoomAdmin.NO_TRACK);
    assertNotFound(() -> admin.mutePublishedTrack("r1", "bob", mic.sid, true), RoomAdmin.NO_TRACK);
    assertNotFound(
        () -> admin.mutePublishedTrack("r1", "carol", mic.sid, true), RoomAdmin.NO_PARTICIPANT);
    assertThat(mic.muted).isFalse();
  }

  @Test
  void aTrackAnnouncedButNotNegotiatedYetCanBeMuted() {
    Publication pending =
        new Publication(
            Sids.track(),
            alice,
            livekit.LivekitRtc.AddTrackRequest.newBuilder()
                .setCid("c1")
                .setType(TrackType.AUDIO)
                .setSource(TrackSource.MICROPHONE)
                .build());
    alice.pendingTracks.put("c1", pending);

    assertThat(admin.mutePublishedTrack("r1", "alice", pending.sid, true).getMuted()).isTrue();
    assertThat(pending.muted).isTrue();
  }

  // ---- UpdateParticipant ----

  @Test
  void updatesMetadataNameAndAttributesAndEveryoneHearsOfIt() {
    alice.attributes.put("keep", "1");
    alice.attributes.put("drop", "2");
    int version = alice.version;

    ParticipantInfo info =
        admin.updateParticipant(
            "r1", "alice", "new metadata", "Alice", null, Map.of("drop", "", "add", "3"));

    assertThat(info.getMetadata()).isEqualTo("new metadata");
    assertThat(info.getName()).isEqualTo("Alice");
    assertThat(info.getAttributesMap())
        .containsExactlyInAnyOrderEntriesOf(Map.of("keep", "1", "add", "3"));
    assertThat(info.getVersion()).isGreaterThan(version);
    assertThat(admin.getParticipant("r1", "alice").getMetadata()).isEqualTo("new metadata");

    room.flushUpdates(); // alice publishes nothing: her update is batched to the next tick
    assertThat(bobSink.updates())
        .anySatisfy(i -> assertThat(i.getMetadata()).isEqualTo("new metadata"));
    assertThat(aliceSink.updates())
        .anySatisfy(i -> assertThat(i.getMetadata()).isEqualTo("new metadata"));
  }

  @Test
  void emptyNameAndMetadataLeaveThemAsTheyAre() {
    alice.metadata = "old";
    ParticipantInfo info = admin.updateParticipant("r1", "alice", "", "", null, Map.of());
    assertThat(info.getMetadata()).isEqualTo("old");
    assertThat(info.getName()).isEqualTo("alice name");
    assertThat(info.getPermission()).isEqualTo(alice.permission);
  }

  @Test
  void oversizeMetadataIsAnInvalidArgumentAndChangesNothing() {
    String big = "x".repeat(Limits.MAX_METADATA_LENGTH + 1);
    for (Runnable call :
        List.<Runnable>of(
            () -> admin.updateParticipant("r1", "alice", big, "", null, Map.of()),
            () -> admin.updateParticipant("r1", "alice", "", big, null, Map.of()),
            () -> admin.updateParticipant("r1", "alice", "", "", null, Map.of("k", big)))) {
      assertThatThrownBy(call::run)
          .isInstanceOfSatisfying(
              RoomException.class,
              e -> assertThat(e.code()).isEqualTo(RoomException.Code.INVALID_ARGUMENT))
          .hasMessage(RoomAdmin.TOO_LARGE);
    }
    assertThat(alice.metadata).isEmpty();
    assertNotFound(
        () -> admin.updateParticipant("r1", "carol", "m", "", null, Map.of()),
        RoomAdmin.NO_PARTICIPANT);
  }

  @Test
  void revokingCanPublishUnpublishesItsTracks() {
    Publication mic = publish(room, alice, TrackType.AUDIO, TrackSource.MICROPHONE);
    var producer = mic.producer;
    assertThat(bob.subscriptions).containsKey(mic.sid);
    aliceSink.clear();

    ParticipantInfo info =
        admin.updateParticipant(
            "r1",
            "alice",
            "",
            "",
            alice.permission.toBuilder().setCanPublish(false).build(),
            Map.of());

    assertThat(info.getPermission().getCanPublish()).isFalse();
    assertThat(info.getTracksList()).isEmpty();
    assertThat(alice.publications).isEmpty();
    assertThat(bob.subscriptions).isEmpty();
    assertThat(media.calls).contains("closeProducer " + producer);
    assertThat(aliceSink.of(MessageCase.TRACK_UNPUBLISHED))
        .extracting(m -> m.getTrackUnpublished().getTrackSid())
        .containsExactly(mic.sid);
  }

  @Test
  void narrowingPublishSourcesUnpublishesOnlyTheOthers() {
    Publication mic = publish(room, alice, TrackType.AUDIO, TrackSource.MICROPHONE);
    Publication cam = publish(room, alice, TrackType.VIDEO, TrackSource.CAMERA);
    var producer = cam.producer;

    admin.updateParticipant(
        "r1",
        "alice",
        "",
        "",
        alice.permission.toBuilder().addCanPublishSources(TrackSource.MICROPHONE).build(),
        Map.of());

    assertThat(alice.publications).containsOnlyKeys(mic.sid);
    assertThat(bob.subscriptions).containsOnlyKeys(mic.sid);
    assertThat(media.calls).contains("closeProducer " + producer);
  }

  @Test
  void revokingCanSubscribeDropsSubscriptionsAndGrantingItAgainCatchesUp() {
    Publication mic = publish(room, alice, TrackType.AUDIO, TrackSource.MICROPHONE);
    assertThat(bob.subscriptions).containsKey(mic.sid);

    admin.updateParticipant(
        "r1", "bob", "", "", bob.permission.toBuilder().setCanSubscribe(false).build(), Map.of());
    assertThat(bob.subscriptions).isEmpty();
    assertThat(alice.publications).containsKey(mic.sid);

    admin.updateParticipant(
        "r1", "bob", "", "", bob.permission.toBuilder().setCanSubscribe(true).build(), Map.of());
    assertThat(bob.subscriptions).containsOnlyKeys(mic.sid);
  }

  // ---- UpdateSubscriptions ----

  @Test
  void subscribesAndUnsubscribesByTrackSidOrParticipantTracks() {
    bob.autoSubscribe = false;
    Publication mic = publish(room, alice, TrackType.AUDIO, TrackSource.MICROPHONE);
    Publication cam = publish(room, alice, TrackType.VIDEO, TrackSource.CAMERA);
    assertThat(bob.subscriptions).isEmpty();

    admin.updateSubscriptions(
        "r1",
        "bob",
        List.of(mic.sid, "TR_unknown"),
        List.of(
            ParticipantTracks.newBuilder()
                .setParticipantSid(alice.sid)
                .addTrackSids(cam.sid)
                .build()),
        true);
    assertThat(bob.subscriptions).containsOnlyKeys(mic.sid, cam.sid);

    admin.updateSubscriptions("r1", "bob", List.of(cam.sid), List.of(), false);
    assertThat(bob.subscriptions).containsOnlyKeys(mic.sid);
  }

  @Test
  void withoutCanSubscribeUpdateSubscriptionsDoesNothing() {
    bob.autoSubscribe = false;
    bob.permission = bob.permission.toBuilder().setCanSubscribe(false).build();
    Publication mic = publish(room, alice, TrackType.AUDIO, TrackSource.MICROPHONE);

    admin.updateSubscriptions("r1", "bob", List.of(mic.sid), List.of(), true);

    assertThat(bob.subscriptions).isEmpty();
    assertNotFound(
        () -> admin.updateSubscriptions("r1", "carol", List.of(mic.sid), List.of(), true),
        RoomAdmin.NO_PARTICIPANT);
  }

  // ---- UpdateRoomMetadata ----

  @Test
  void roomMetadataIsStoredThenPushedToEveryoneInTheRoom() {
    publish(room, alice, TrackType.AUDIO, TrackSource.MICROPHONE);
    aliceSink.clear();
    bobSink.clear();

    RoomSnapshot updated = admin.updateRoomMetadata("r1", "room metadata");

    assertThat(metadataWrites).containsExactly("r1=room metadata");
    assertThat(updated.metadata()).isEqualTo("room metadata");
    assertThat(updated.numParticipants()).isEqualTo(2);
    assertThat(updated.numPublishers()).isEqualTo(1);
    for (RecordingSink sink : List.of(aliceSink, bobSink)) {
      var roomUpdate = sink.of(MessageCase.ROOM_UPDATE);
      assertThat(roomUpdate).hasSize(1);
      assertThat(roomUpdate.get(0).getRoomUpdate().getRoom().getMetadata())
          .isEqualTo("room metadata");
    }
  }

  @Test
  void roomMetadataOfAStoredRoomWithNobodyLiveIsOnlyStored() {
    RoomSnapshot updated = admin.updateRoomMetadata("stored-empty", "m2");
    assertThat(updated.metadata()).isEqualTo("m2");
    assertThat(updated.numParticipants()).isZero();
    assertThat(metadataWrites).containsExactly("stored-empty=m2");
    assertThat(aliceSink.sent).isEmpty();
  }

  private static void assertNotFound(Runnable call, String message) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            RoomException.class, e -> assertThat(e.code()).isEqualTo(RoomException.Code.NOT_FOUND))
        .hasMessage(message);
  }
}
