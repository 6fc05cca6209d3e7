package dev.sfumato.rooms.live;

import dev.sfumato.engine.api.MediaKind;
import dev.sfumato.engine.api.ProducerId;
import dev.sfumato.rooms.auth.ClaimGrants;
import dev.sfumato.rooms.sdp.NegotiatedMedia;
import java.util.ArrayList;
import java.util.List;
import livekit.LivekitModels.DisconnectReason;
import livekit.LivekitModels.ParticipantInfo;
import livekit.LivekitModels.TrackType;

/**
 * WHIP publishers as participants of the LiveKit room (kind INGRESS, like LiveKit's own WHIP
 * ingress): their tracks are publications that LiveKit clients see and subscribe to, and every live
 * publication of the room is what a WHEP viewer can watch.
 */
final class HttpParticipants {
  private HttpParticipants() {}

  /** A published WHIP section: its producer and how it was negotiated. */
  record Track(ProducerId producer, NegotiatedMedia media) {}

  static Participant publish(Room room, ClaimGrants claims, List<Track> tracks) {
    Participant p =
        new Participant(
            Sids.participant(),
            claims,
            Participant.Protocol.HTTP,
            0,
            ParticipantInfo.Kind.INGRESS,
            System.currentTimeMillis());
    synchronized (room) {
      room.join(p, null);
      p.state = ParticipantInfo.State.ACTIVE;
      List<Publication> live = new ArrayList<>();
      for (Track t : tracks) {
        TrackType type = t.media().kind().equals("audio") ? TrackType.AUDIO : TrackType.VIDEO;
        Publication pub = new Publication(Sids.track(), p, type, t.media());
        pub.producer = t.producer();
        pub.mid = t.media().mid();
        pub.media = t.media();
        pub.mimeType =
            t.media().codecs().isEmpty()
                ? ""
                : t.media().codecs().get(0).mimeType(t.media().kind());
        p.publications.put(pub.sid, pub);
        live.add(pub);
      }
      live.forEach(room::published);
    }
    return p;
  }

  static void leave(Room room, String participantSid) {
    synchronized (room) {
      Participant p = room.bySid(participantSid);
      if (p != null) {
        // The WHIP session closed its transport; the producers are gone already.
        p.publications.values().forEach(t -> t.producer = null);
        room.leave(p, DisconnectReason.CLIENT_INITIATED, false);
      }
    }
  }

  /** Live tracks of the room, of one participant when {@code identity} is not blank. */
  static List<LiveTrack> tracks(Room room, String identity) {
    List<LiveTrack> out = new ArrayList<>();
    synchronized (room) {
      for (Participant p : room.participants()) {
        if (identity != null && !identity.isBlank() && !p.identity.equals(identity)) {
          continue;
        }
        for (Publication t : p.publications.values()) {
          if (t.live()) {
            MediaKind kind = t.type == TrackType.AUDIO ? MediaKind.AUDIO : MediaKind.VIDEO;
            out.add(new LiveTrack(p.identity, p.sid, t.sid, t.producer, kind));
          }
        }
      }
    }
    return out;
  }
}
