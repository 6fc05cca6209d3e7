package dev.sfumato.rooms.live;

import dev.sfumato.rooms.auth.ClaimGrants;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import livekit.LivekitModels.DisconnectReason;
import livekit.LivekitRtc.SignalResponse;

/**
 * What the session worker does on each tick of {@link LiveRooms} (LiveKit's per-participant session
 * loop and the room manager's idle check): flushes each room's batched participant updates, ends
 * sessions whose client stopped pinging or did not resume within the window, refreshes each
 * participant's token every {@link #TOKEN_REFRESH}, and closes rooms left empty past their timeout.
 * Plain Java apart from the EJB, which keeps the container's part: injection and the schedule.
 */
final class Housekeeping {
  private static final Logger LOG = Logger.getLogger(Housekeeping.class.getName());

  /** LiveKit refreshes tokens this often, well inside their lifetime. */
  static final Duration TOKEN_REFRESH = Duration.ofMinutes(5);

  private final Map<String, Room> rooms;
  private final ServerSettings settings;
  private final Function<ClaimGrants, String> mintToken;
  private final BiConsumer<LiveSession, SignalSink> signalClosed;
  private final Consumer<String> deleteRoom;
  private final Map<Participant, Long> tokenRefreshedNanos = new ConcurrentHashMap<>();

  /**
   * @param rooms the live rooms; rooms closed here are removed from it
   * @param mintToken a fresh token for the grants (the refresh)
   * @param signalClosed what a signal connection closing does to its session
   * @param deleteRoom forgets a closed room in the room store
   */
  Housekeeping(
      Map<String, Room> rooms,
      ServerSettings settings,
      Function<ClaimGrants, String> mintToken,
      BiConsumer<LiveSession, SignalSink> signalClosed,
      Consumer<String> deleteRoom) {
    this.rooms = rooms;
    this.settings = settings;
    this.mintToken = mintToken;
    this.signalClosed = signalClosed;
    this.deleteRoom = deleteRoom;
  }

  /** {@code p} joined with a fresh token: the next refresh is due one period from now. */
  void joined(Participant p, long nowNanos) {
    tokenRefreshedNanos.put(p, nowNanos);
  }

  /** One tick over every room; one room's failure does not stop the others. */
  void tick() {
    long now = System.nanoTime();
    for (Room room : rooms.values()) {
      try {
        tick(room, now);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "room " + room.name + " tick failed", e);
      }
    }
  }

  private void tick(Room room, long now) {
    room.flushUpdates();
    for (Participant p : room.participants()) {
      long lost = p.signalLostNanos;
      if (lost != 0 && now - lost > settings.resumeWindowSeconds() * 1_000_000_000L) {
        room.leave(p, DisconnectReason.SIGNAL_CLOSE, false);
        tokenRefreshedNanos.remove(p);
        continue;
      }
      SignalSink sink = p.sink;
      if (sink != null && now - p.lastSeenNanos > settings.pingTimeoutSeconds() * 1_000_000_000L) {
        sink.close("no ping for " + settings.pingTimeoutSeconds() + " s");
        signalClosed.accept(new LiveSession(room, p), sink);
      }
      refreshToken(p, now);
    }
    if (room.idle(now)) {
      room.close(DisconnectReason.ROOM_CLOSED);
      rooms.remove(room.name, room);
      try {
        deleteRoom.accept(room.name);
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "room " + room.name + " was already gone", e);
      }
      LOG.info(() -> "room " + room.name + " closed: empty");
    }
  }

  private void refreshToken(Participant p, long now) {
    Long last = tokenRefreshedNanos.get(p);
    if (last == null || now - last < TOKEN_REFRESH.toNanos() || p.sink == null) {
      return;
    }
    tokenRefreshedNanos.put(p, now);
    try {
      p.send(SignalResponse.newBuilder().setRefreshToken(mintToken.apply(p.grants)).build());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "cannot refresh the token of " + p.identity, e);
    }
  }
}
