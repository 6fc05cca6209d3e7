package dev.sfumato.rooms.live;

import dev.sfumato.engine.api.ProducerId;
import dev.sfumato.rooms.sdp.NegotiatedMedia;
import livekit.LivekitModels.TrackInfo;
import livekit.LivekitModels.TrackSource;
import livekit.LivekitModels.TrackType;
import livekit.LivekitRtc.AddTrackRequest;

/**
 * A published track (LiveKit's MediaTrack): announced by {@code add_track}, it becomes live when
 * the publisher's offer carries a section for it and the engine has a producer for that section.
 * Guarded by the room's lock.
 */
final class Publication {
  final String sid;
  final Participant owner;

  /** The client's id of the track: its MediaStreamTrack id, the offer's a=msid track id. */
  final String cid;

  final TrackType type;
  final TrackSource source;
  final String name;
  final String stream;
  boolean muted;
  int width;
  int height;
  String mid = "";
  String mimeType = "";
  ProducerId producer;

  /** The publisher's negotiated section: codecs and extensions subscribers are offered. */
  NegotiatedMedia media;

  Publication(String sid, Participant owner, AddTrackRequest request) {
    this.sid = sid;
    this.owner = owner;
    this.cid = request.getCid();
    this.type = request.getType();
    this.source = request.getSource();
    this.name = request.getName();
    this.stream = request.getStream();
    this.muted = request.getMuted();
    this.width = request.getWidth();
    this.height = request.getHeight();
  }

  /** A track the server publishes itself (a WHIP publisher's sections). */
  Publication(String sid, Participant owner, TrackType type, NegotiatedMedia media) {
    this.sid = sid;
    this.owner = owner;
    this.cid = media.msid() == null ? sid : media.msid().trackId();
    this.type = type;
    this.source = type == TrackType.AUDIO ? TrackSource.MICROPHONE : TrackSource.CAMERA;
    this.name = "";
    this.stream = "";
  }

  boolean live() {
    return producer != null;
  }

  String kind() {
    return type == TrackType.AUDIO ? "audio" : "video";
  }

  TrackInfo info() {
    TrackInfo.Builder b =
        TrackInfo.newBuilder()
            .setSid(sid)
            .setType(type)
            .setSource(source)
            .setName(name)
            .setMuted(muted)
            .setWidth(width)
            .setHeight(height)
            .setMid(mid)
            .setMimeType(mimeType)
            .setStream(stream);
    return b.build();
  }
}
