package dev.sfumato.rooms.live;

import static dev.sfumato.rooms.live.Participant.Protocol.V1;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import livekit.LivekitModels.DisconnectReason;
import livekit.LivekitModels.ParticipantInfo;
import livekit.LivekitRtc.SignalResponse.MessageCase;
import org.junit.jupiter.api.Test;

/** The session worker's tick: silent clients, the resume window, token refresh, empty rooms. */
class HousekeepingTest {
  private static final long SECOND = 1_000_000_000L;

  private final TestRoom t = new TestRoom(0, 0);
  private final Map<String, Room> rooms = new ConcurrentHashMap<>(Map.of(t.room.name, t.room));
  private final List<String> deleted = new ArrayList<>();
  private final Housekeeping housekeeping =
      new Housekeeping(
          rooms,
          TestRoom.SETTINGS,
          grants -> "token-for-" + grants.identity(),
          new LiveRooms()::signalClosed,
          deleted::add);

  @Test
  void aClientSilentPastThePingTimeoutLosesItsSignalButStaysForTheResumeWindow() {
    TestRoom.Member alice = t.join("alice", V1);
    alice.p.lastSeenNanos = System.nanoTime() - 16 * SECOND;

    housekeeping.tick();

    assertThat(alice.sink.closedReason).isEqualTo("no ping for 15 s");
    assertThat(alice.p.sink).isNull();
    assertThat(alice.p.signalLostNanos).isNotZero();
    assertThat(t.room.byIdentity("alice")).isSameAs(alice.p);
  }

  @Test
  void aParticipantThatDidNotResumeInTimeLeavesAndAnEmptyRoomCloses() {
    TestRoom.Member alice = t.join("alice", V1);
    alice.p.signalLostNanos = System.nanoTime() - 16 * SECOND;

    housekeeping.tick();
    assertThat(alice.p.state).isEqualTo(ParticipantInfo.State.DISCONNECTED);
    assertThat(alice.p.disconnectReason).isEqualTo(DisconnectReason.SIGNAL_CLOSE);

    housekeeping.tick(); // the room became empty after this tick's clock reading
    assertThat(t.room.closed()).isTrue();
    assertThat(rooms).isEmpty();
    assertThat(deleted).containsExactly("test-room");
  }

  @Test
  void theTokenIsRefreshedOncePerPeriod() {
    TestRoom.Member alice = live(t.join("alice", V1));
    housekeeping.joined(alice.p, System.nanoTime() - Housekeeping.TOKEN_REFRESH.toNanos());

    housekeeping.tick();
    housekeeping.tick();

    assertThat(alice.sink.of(MessageCase.REFRESH_TOKEN))
        .singleElement()
        .extracting(m -> m.getRefreshToken())
        .isEqualTo("token-for-alice");
  }

  @Test
  void batchedUpdatesGoOutOnTheTick() {
    TestRoom.Member alice = live(t.join("alice", V1));
    alice.sink.clear();
    live(t.join("bob", V1));

    housekeeping.tick();

    assertThat(alice.sink.updates()).extracting(ParticipantInfo::getIdentity).contains("bob");
  }

  /** A member that pinged just now, so the ping timeout leaves it alone. */
  private static TestRoom.Member live(TestRoom.Member m) {
    m.p.lastSeenNanos = System.nanoTime();
    return m;
  }
}
