package dev.sfumato.rooms.live;

import dev.sfumato.engine.api.ConsumerId;
import dev.sfumato.rooms.sdp.LocalSender;

/**
 * One participant receiving one published track: the section (mid) it rides on in the subscriber's
 * connection, the SSRCs the server sends it with, and the engine consumer once the section is
 * negotiated. Guarded by the room's lock.
 */
final class Subscription {
  final Publication track;
  final Participant subscriber;
  final LocalSender sender;

  /** The section carrying it; null until one is free (v1) or offered (v0). */
  String mid;

  ConsumerId consumer;

  /** {@code track_setting} disabled it: its consumer is paused. */
  boolean disabled;

  int width;
  int height;

  Subscription(Publication track, Participant subscriber, LocalSender sender) {
    this.track = track;
    this.subscriber = subscriber;
    this.sender = sender;
  }
}
