package dev.sfumato.rooms.webrtc;

import dev.sfumato.engine.api.MediaKind;
import dev.sfumato.engine.api.ProducerId;
import dev.sfumato.engine.api.TransportId;
import java.util.List;

/**
 * One WHIP or WHEP session: a participant of a room with one engine transport. A publisher's tracks
 * are its producers; a viewer holds consumers only. Immutable except for the entity tag, which
 * changes on ICE restart.
 */
final class MediaSession {
  /** A published track. */
  record Track(ProducerId producer, MediaKind kind) {}

  final String id;
  final boolean publisher;
  final String room;
  final String identity;
  final TransportId transport;
  final List<Track> tracks;
  private volatile String etag;
  private volatile String participantSid;

  MediaSession(
      String id,
      boolean publisher,
      String room,
      String identity,
      TransportId transport,
      List<Track> tracks,
      String etag) {
    this.id = id;
    this.publisher = publisher;
    this.room = room;
    this.identity = identity;
    this.transport = transport;
    this.tracks = List.copyOf(tracks);
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
