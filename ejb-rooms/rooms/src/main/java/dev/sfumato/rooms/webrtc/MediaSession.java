package dev.sfumato.rooms.webrtc;

import dev.sfumato.engine.api.TransportId;

/**
 * One WHIP or WHEP session: one engine transport. A publisher's tracks are publications of its
 * LiveKit participant in the room ({@link #participantSid()}); a viewer holds consumers only.
 * Immutable except for the entity tag, which changes on ICE restart, and the participant sid.
 */
final class MediaSession {
  final String id;
  final boolean publisher;
  final String room;
  final String identity;
  final TransportId transport;
  private volatile String etag;
  private volatile String participantSid;

  MediaSession(
      String id,
      boolean publisher,
      String room,
      String identity,
      TransportId transport,
      String etag) {
    this.id = id;
    this.publisher = publisher;
    this.room = room;
    this.identity = identity;
    this.transport = transport;
    this.etag = etag;
  }

  String etag() {
    return etag;
  }

  void etag(String etag) {
    this.etag = etag;
  }

  /** The LiveKit participant a WHIP publisher is in its room; null for WHEP viewers. */
  String participantSid() {
    return participantSid;
  }

  void participantSid(String sid) {
    this.participantSid = sid;
  }
}
