package dev.sfumato.rooms.live;

import java.util.logging.Logger;
import livekit.LivekitModels.DisconnectReason;
import livekit.LivekitRtc.LeaveRequest;
import livekit.LivekitRtc.ReconnectResponse;
import livekit.LivekitRtc.SignalResponse;

/**
 * A client coming back on a new signal connection ({@code reconnect=1}, LiveKit's resume): while
 * its participant is still in the room (the resume window after the old WebSocket dropped, see
 * {@link Housekeeping}), the session moves to the new connection and keeps its peer connections and
 * media. Otherwise the client is told to reconnect from scratch. Apart from {@link LiveRooms}
 * because it is the one path of a join that creates no participant.
 */
final class Resumption {
  private static final Logger LOG = Logger.getLogger(Resumption.class.getName());

  private Resumption() {}

  /**
   * Moves the participant {@code params} names in {@code room} (null when the room is not live) to
   * {@code sink} and sends the reconnect response. When there is nothing to resume, {@code sink}
   * gets a leave with STATE_MISMATCH and RECONNECT and is closed; the session returned then belongs
   * to no room member, so its requests change nothing.
   */
  static LiveSession resume(
      Room room, JoinParams params, SignalSink sink, ServerSettings settings) {
    Participant p = room == null ? null : room.bySid(params.participantSid());
    if (p == null || !p.identity.equals(params.claims().identity()) || !p.connected()) {
      sink.send(Signals.leave(DisconnectReason.STATE_MISMATCH, LeaveRequest.Action.RECONNECT));
      sink.close("cannot resume " + params.participantSid());
      return new LiveSession(room, new Participant("", params.claims(), null, 0, null, 0));
    }
    synchronized (room) {
      SignalSink old = p.sink;
      p.sink = sink;
      p.signalLostNanos = 0;
      p.lastSeenNanos = System.nanoTime();
      if (old != null && old != sink) {
        old.close("resumed on another connection");
      }
      sink.send(
          SignalResponse.newBuilder()
              .setReconnect(
                  ReconnectResponse.newBuilder()
                      .addAllIceServers(settings.iceServers())
                      .setServerInfo(settings.serverInfo()))
              .build());
    }
    LOG.info(() -> "participant " + p.identity + " resumed in " + room.name);
    return new LiveSession(room, p);
  }
}
