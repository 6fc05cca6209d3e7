package dev.sfumato.rooms.live;

import dev.sfumato.rooms.sdp.NegotiatedMedia;
import dev.sfumato.rooms.sdp.SdpAnswer;
import dev.sfumato.rooms.webrtc.NegotiatedRtp;
import java.util.ArrayList;
import java.util.List;
import livekit.LivekitModels.TrackType;

/**
 * Matching a publisher's negotiated sections to its {@code add_track} requests: the section whose
 * a=msid track id is the request's cid (livekit-client uses the MediaStreamTrack id for both), else
 * the oldest pending request of the same kind. Each match gets an engine producer.
 */
final class Publishing {
  private Publishing() {}

  /** Producers for the answer's newly received sections; returns the publications now live. */
  static List<Publication> produce(Room room, Participant p, SdpAnswer answer) {
    List<Publication> live = new ArrayList<>();
    for (Publication t : new ArrayList<>(p.publications.values())) {
      NegotiatedMedia m = answer.media(t.mid);
      if (m == null || !m.accepted() || !m.direction().receives()) {
        room.unpublish(t, true);
      }
    }
    for (NegotiatedMedia m : answer.accepted()) {
      if (!m.direction().receives() || !isMedia(m) || publishedOn(p, m.mid())) {
        continue;
      }
      Publication t = pendingFor(p, m);
      if (t == null) {
        continue;
      }
      t.producer = room.media.produce(p.publisher.id(), NegotiatedRtp.forProducer(m, p.sid));
      t.mid = m.mid();
      t.mimeType = m.codecs().isEmpty() ? "" : m.codecs().get(0).mimeType(m.kind());
      t.media = m;
      p.pendingTracks.remove(t.cid);
      p.publications.put(t.sid, t);
      live.add(t);
    }
    return live;
  }

  private static boolean isMedia(NegotiatedMedia m) {
    return m.kind().equals("audio") || m.kind().equals("video");
  }

  private static boolean publishedOn(Participant p, String mid) {
    return p.publications.values().stream().anyMatch(t -> mid.equals(t.mid));
  }

  private static Publication pendingFor(Participant p, NegotiatedMedia m) {
    if (m.msid() != null) {
      Publication t = p.pendingTracks.get(m.msid().trackId());
      if (t != null) {
        return t;
      }
    }
    TrackType type = m.kind().equals("audio") ? TrackType.AUDIO : TrackType.VIDEO;
    return p.pendingTracks.values().stream().filter(t -> t.type == type).findFirst().orElse(null);
  }
}
