package dev.sfumato.rooms.live;

import static dev.sfumato.rooms.live.Participant.Protocol.V0;
import static dev.sfumato.rooms.live.Participant.Protocol.V1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sfumato.rooms.domain.RoomException;
import livekit.LivekitModels.DisconnectReason;
import livekit.LivekitModels.ParticipantInfo;
import livekit.LivekitRtc.JoinResponse;
import livekit.LivekitRtc.LeaveRequest;
import livekit.LivekitRtc.SignalRequest;
import livekit.LivekitRtc.SignalResponse.MessageCase;
import livekit.LivekitRtc.UpdateParticipantMetadata;
import org.junit.jupiter.api.Test;

/** Joining and leaving a {@link Room} as LiveKit's session flow does it. */
class RoomMembershipTest {
  private final TestRoom t = new TestRoom();

  @Test
  void joinResponseComesFirstWithServerInfoOthersAndPingSettings() {
    TestRoom.Member alice = t.join("alice", V1);
    TestRoom.Member bob = t.join("bob", V0);

    assertThat(bob.sink.sent).isNotEmpty();
    assertThat(bob.sink.sent.get(0).getMessageCase()).isEqualTo(MessageCase.JOIN);
    JoinResponse join = bob.sink.sent.get(0).getJoin();
    assertThat(join.getServerInfo().getVersion()).isEqualTo("1.9.0");
    assertThat(join.getServerInfo().getProtocol()).isEqualTo(ServerSettings.PROTOCOL);
    assertThat(join.getServerVersion()).isEqualTo("1.9.0");
    assertThat(join.getRoom().getName()).isEqualTo("test-room");
    assertThat(join.getRoom().getSid()).isEqualTo("RM_test");
    assertThat(join.getParticipant().getIdentity()).isEqualTo("bob");
    assertThat(join.getParticipant().getSid()).startsWith("PA_").hasSize(15);
    assertThat(join.getParticipant().getState()).isEqualTo(ParticipantInfo.State.JOINED);
    assertThat(join.getOtherParticipantsList())
        .extracting(ParticipantInfo::getIdentity)
        .containsExactly("alice");
    assertThat(join.getPingInterval()).isEqualTo(5);
    assertThat(join.getPingTimeout()).isEqualTo(15);
    assertThat(join.getSubscriberPrimary()).isFalse();
    assertThat(join.getEnabledPublishCodecsList()).isNotEmpty();
    assertThat(alice.sink.sent.get(0).getJoin().getOtherParticipantsCount()).isZero();
  }

  @Test
  void aSecondJoinWithTheSameIdentityReplacesTheFirst() {
    TestRoom.Member bob = t.join("bob", V1);
    TestRoom.Member first = t.join("alice", V1);
    TestRoom.Member second = t.join("alice", V1);

    LeaveRequest leave = first.sink.last(MessageCase.LEAVE).getLeave();
    assertThat(leave.getReason()).isEqualTo(DisconnectReason.DUPLICATE_IDENTITY);
    assertThat(leave.getAction()).isEqualTo(LeaveRequest.Action.DISCONNECT);
    assertThat(first.sink.closed()).isTrue();
    assertThat(second.sink.closed()).isFalse();
    assertThat(second.sink.sent.get(0).hasJoin()).isTrue();
    assertThat(t.room.byIdentity("alice")).isSameAs(second.p);
    assertThat(t.room.participants()).hasSize(2);
    assertThat(bob.sink.of(MessageCase.UPDATE))
        .anySatisfy(
            u ->
                assertThat(u.getUpdate().getParticipantsList())
                    .anySatisfy(
                        i -> {
                          assertThat(i.getSid()).isEqualTo(first.p.sid);
                          assertThat(i.getState()).isEqualTo(ParticipantInfo.State.DISCONNECTED);
                        }));
  }

  @Test
  void aFullRoomRefusesWithResourceExhaustedButStillLetsAnIdentityRejoin() {
    TestRoom full = new TestRoom(1, 20);
    full.join("alice", V1);

    assertThatThrownBy(() -> full.join("bob", V1))
        .isInstanceOfSatisfying(
            RoomException.class,
            e -> assertThat(e.code()).isEqualTo(RoomException.Code.RESOURCE_EXHAUSTED));
    assertThat(full.room.participants()).extracting(p -> p.identity).containsExactly("alice");
    full.join("alice", V1);
    assertThat(full.room.participants()).hasSize(1);
  }

  @Test
  void hiddenParticipantsDoNotCountTowardsTheLimit() {
    TestRoom full = new TestRoom(1, 20);
    full.join("recorder", V1, g -> g.hidden(true));
    full.join("alice", V1);
    assertThat(full.room.participants()).hasSize(2);
    assertThat(full.room.info().getNumParticipants()).isEqualTo(1);
  }

  @Test
  void othersSeeALeaveAtOnceAsDisconnected() {
    TestRoom.Member alice = t.join("alice", V1);
    TestRoom.Member bob = t.join("bob", V1);
    t.room.flushUpdates();
    alice.sink.clear();

    bob.request(SignalRequest.newBuilder().setLeave(LeaveRequest.getDefaultInstance()).build());

    ParticipantInfo gone = alice.sink.last(MessageCase.UPDATE).getUpdate().getParticipants(0);
    assertThat(gone.getIdentity()).isEqualTo("bob");
    assertThat(gone.getState()).isEqualTo(ParticipantInfo.State.DISCONNECTED);
    assertThat(gone.getDisconnectReason()).isEqualTo(DisconnectReason.CLIENT_INITIATED);
    assertThat(bob.sink.closed()).isTrue();
    assertThat(bob.sink.of(MessageCase.LEAVE)).isEmpty();
    assertThat(t.room.participants()).extracting(p -> p.identity).containsExactly("alice");
  }

  @Test
  void aNonPublishersChangesWaitForTheFlush() {
    TestRoom.Member alice = t.join("alice", V1);
    TestRoom.Member bob = t.join("bob", V1, g -> g.canUpdateOwnMetadata(true));
    t.room.flushUpdates();
    alice.sink.clear();

    bob.request(
        SignalRequest.newBuilder()
            .setUpdateMetadata(UpdateParticipantMetadata.newBuilder().setMetadata("{\"x\":1}"))
            .build());
    assertThat(alice.sink.of(MessageCase.UPDATE)).isEmpty();

    t.room.flushUpdates();
    ParticipantInfo info = alice.sink.last(MessageCase.UPDATE).getUpdate().getParticipants(0);
    assertThat(info.getIdentity()).isEqualTo("bob");
    assertThat(info.getMetadata()).isEqualTo("{\"x\":1}");
    alice.sink.clear();
    t.room.flushUpdates();
    assertThat(alice.sink.sent).as("nothing pending after a flush").isEmpty();
  }

  @Test
  void versionsGrowWithEachUpdate() {
    TestRoom.Member bob = t.join("bob", V1, g -> g.canUpdateOwnMetadata(true));
    int before = bob.info().getVersion();
    bob.request(
        SignalRequest.newBuilder()
            .setUpdateMetadata(UpdateParticipantMetadata.newBuilder().setName("Bob"))
            .build());
    assertThat(bob.info().getVersion()).isGreaterThan(before);
    assertThat(bob.info().getName()).isEqualTo("Bob");
  }

  @Test
  void hiddenParticipantsAreNotVisibleToOthers() {
    TestRoom.Member alice = t.join("alice", V1);
    TestRoom.Member ghost = t.join("ghost", V1, g -> g.hidden(true));
    TestRoom.Member carol = t.join("carol", V1);
    t.room.flushUpdates();

    assertThat(carol.sink.sent.get(0).getJoin().getOtherParticipantsList())
        .extracting(ParticipantInfo::getIdentity)
        .containsExactly("alice");
    assertThat(ghost.sink.sent.get(0).getJoin().getOtherParticipantsList())
        .extracting(ParticipantInfo::getIdentity)
        .containsExactly("alice");
    assertThat(alice.sink.of(MessageCase.UPDATE))
        .flatMap(u -> u.getUpdate().getParticipantsList())
        .extracting(ParticipantInfo::getIdentity)
        .doesNotContain("ghost")
        .contains("carol");
    assertThat(t.room.info().getNumParticipants()).isEqualTo(2);

    alice.sink.clear();
    t.room.leave(ghost.p, DisconnectReason.CLIENT_INITIATED, false);
    t.room.flushUpdates();
    assertThat(alice.sink.sent).isEmpty();
  }

  @Test
  void pingReqIsAnsweredWithPongResp() {
    TestRoom.Member alice = t.join("alice", V1);
    alice.request(
        SignalRequest.newBuilder()
            .setPingReq(livekit.LivekitRtc.Ping.newBuilder().setTimestamp(42).setRtt(7))
            .build());
    livekit.LivekitRtc.Pong pong = alice.sink.last(MessageCase.PONG_RESP).getPongResp();
    assertThat(pong.getLastPingTimestamp()).isEqualTo(42);
    assertThat(pong.getTimestamp()).isEqualTo(1_000L);

    alice.request(SignalRequest.newBuilder().setPing(41).build());
    assertThat(alice.sink.last(MessageCase.PONG).getPong()).isEqualTo(1_000L);
  }

  @Test
  void theRoomIsIdleOnlyAfterTheDepartureTimeout() {
    TestRoom.Member alice = t.join("alice", V1);
    assertThat(t.room.idle(System.nanoTime() + 3_600_000_000_000L)).isFalse();

    long left = System.nanoTime();
    t.room.leave(alice.p, DisconnectReason.CLIENT_INITIATED, false);

    assertThat(t.room.idle(left + 19_000_000_000L)).isFalse();
    assertThat(t.room.idle(System.nanoTime() + 20_000_000_000L)).isTrue();
    assertThat(t.media.closedTransports).isEmpty();
  }

  @Test
  void aRoomNobodyJoinedUsesTheEmptyTimeout() {
    long created = System.nanoTime();
    assertThat(t.room.idle(created + 299_000_000_000L)).isFalse();
    assertThat(t.room.idle(System.nanoTime() + 300_000_000_000L)).isTrue();
  }

  @Test
  void aClosedRoomTellsEveryoneAndRefusesJoins() {
    TestRoom.Member alice = t.join("alice", V1);
    t.room.close(DisconnectReason.ROOM_DELETED);

    assertThat(alice.sink.last(MessageCase.LEAVE).getLeave().getReason())
        .isEqualTo(DisconnectReason.ROOM_DELETED);
    assertThat(alice.sink.closed()).isTrue();
    assertThat(t.room.idle(System.nanoTime())).isTrue();
    assertThatThrownBy(() -> t.join("bob", V1))
        .isInstanceOfSatisfying(
            RoomException.class, e -> assertThat(e.code()).isEqualTo(RoomException.Code.NOT_FOUND));
  }

  @Test
  void requestsOfADepartedParticipantAreIgnored() {
    TestRoom.Member alice = t.join("alice", V1);
    t.room.leave(alice.p, DisconnectReason.CLIENT_INITIATED, false);
    alice.sink.clear();
    alice.request(
        SignalRequest.newBuilder().setPingReq(livekit.LivekitRtc.Ping.newBuilder()).build());
    assertThat(alice.sink.sent).isEmpty();
  }
}
