package dev.sfumato.rooms.live;

import livekit.LivekitRtc.SignalResponse;

/**
 * Where a participant's signal messages go: its WebSocket. Implementations queue and never block
 * the caller (room state changes call it under the room's lock); a sink that cannot keep up closes
 * its connection rather than grow without bound.
 */
public interface SignalSink {
  void send(SignalResponse message);

  /** Ends the connection (after the messages already queued); {@code reason} is for the log. */
  void close(String reason);
}
