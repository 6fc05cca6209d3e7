package dev.sfumato.rooms.live;

import dev.sfumato.engine.api.ConsumerId;
import dev.sfumato.rooms.sdp.LocalSender;
import dev.sfumato.rooms.sdp.NegotiatedMedia;
import dev.sfumato.rooms.sdp.SdpAnswer;
import dev.sfumato.rooms.sdp.SdpException;
import dev.sfumato.rooms.sdp.SdpParser;
import dev.sfumato.rooms.sdp.ServerCapabilities;
import dev.sfumato.rooms.sdp.SessionDescription;
import dev.sfumato.rooms.webrtc.NegotiatedRtp;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import livekit.LivekitRtc;

/**
 * Offer/answer for the LiveKit connections of a room, and the subscriptions they carry. Called
 * under the room's monitor.
 *
 * <p>Protocol v1 (one connection, the client always offers): the client's offer holds recvonly
 * audio and video sections; each subscription takes a free one of its kind and the answer sends the
 * track there (sendonly, msid {@code PA_…|TR_…}, SSRCs, and {@code mid_to_track_id}). When a
 * subscription has no free section, or the sections must change, the server sends {@code
 * media_sections_requirement} and the client adds sections and offers again. A section freed by an
 * unsubscription stays unused for one round so that the client sees its track end before the
 * section carries another.
 */
final class Negotiation {
  private static final Logger LOG = Logger.getLogger(Negotiation.class.getName());
  private static final SecureRandom RANDOM = new SecureRandom();

  /** What publishers may send, as JoinResponse.enabled_publish_codecs lists it. */
  static final List<String> PUBLISH_CODECS =
      List.of("audio/opus", "audio/red", "video/VP8", "video/H264", "video/VP9", "video/AV1");

  private final Room room;
  private final ServerCapabilities capabilities = ServerCapabilities.defaults();

  /** v1: per participant, sections freed since its last answer. */
  private final Map<Participant, Set<String>> cooling = new LinkedHashMap<>();

  Negotiation(Room room) {
    this.room = room;
  }

  // ---- subscriptions ----

  /** Subscribes {@code sub} to {@code t} unless it already is or the publisher forbids it. */
  void subscribe(Participant sub, Publication t) {
    if (sub.subscriptions.containsKey(t.sid) || !t.live() || sub == t.owner) {
      return;
    }
    if (!t.owner.subscriptionPermissions.allows(sub, t.sid)) {
      sub.send(PermissionSignals.update(t, false));
      return;
    }
    LocalSender sender =
        new LocalSender(t.owner.sid + "|" + t.sid, t.sid, t.owner.sid, ssrc(), ssrc());
    sub.subscriptions.put(t.sid, new Subscription(t, sub, sender));
    renegotiate(sub);
  }

  void unsubscribe(Participant sub, String trackSid) {
    Subscription s = sub.subscriptions.remove(trackSid);
    if (s == null) {
      return;
    }
    closeConsumer(s);
    if (s.mid != null) {
      cooling.computeIfAbsent(sub, k -> new HashSet<>()).add(s.mid);
    }
    renegotiate(sub);
  }

  /** The track is going away: every subscription to it ends. */
  void dropSubscriptionsOf(Publication t) {
    for (Participant p : room.participants()) {
      if (p.subscriptions.containsKey(t.sid)) {
        unsubscribe(p, t.sid);
      }
    }
  }

  /** {@code p} leaves: its consumers close with its transports; forget its state here. */
  void closeSubscriptions(Participant p) {
    p.subscriptions.clear();
    cooling.remove(p);
  }

  void setDisabled(Participant sub, String trackSid, boolean disabled) {
    Subscription s = sub.subscriptions.get(trackSid);
    if (s == null || s.disabled == disabled) {
      return;
    }
    s.disabled = disabled;
    if (s.consumer != null) {
      room.media.setConsumerPaused(s.consumer, disabled);
    }
  }

  /**
   * Makes the connection carry the current subscriptions: a server offer in v0, a request for a new
   * client offer in v1.
   */
  private void renegotiate(Participant sub) {
    if (sub.protocol == Participant.Protocol.V0) {
      SubscriberOffers.renegotiate(room, sub, capabilities);
      return;
    }
    if (sub.protocol != Participant.Protocol.V1 || sub.publisher == null) {
      return;
    }
    int audios = 0;
    int videos = 0;
    Set<String> taken = takenMids(sub);
    List<ClientPeer.ReceiveSection> free = new ArrayList<>();
    for (ClientPeer.ReceiveSection r : sub.publisher.receiveSections()) {
      if (!taken.contains(r.mid())) {
        free.add(r);
      }
    }
    for (Subscription s : sub.subscriptions.values()) {
      if (s.mid == null) {
        String kind = s.track.kind();
        ClientPeer.ReceiveSection slot =
            free.stream().filter(r -> r.kind().equals(kind)).findFirst().orElse(null);
        if (slot != null) {
          free.remove(slot);
        } else if (kind.equals("audio")) {
          audios++;
        } else {
          videos++;
        }
      }
    }
    sub.send(Signals.mediaSections(audios, videos));
  }

  private Set<String> takenMids(Participant sub) {
    Set<String> taken = new HashSet<>(cooling.getOrDefault(sub, Set.of()));
    for (Subscription s : sub.subscriptions.values()) {
      if (s.mid != null) {
        taken.add(s.mid);
      }
    }
    for (Publication t : sub.publications.values()) {
      taken.add(t.mid);
    }
    return taken;
  }

  // ---- client offers ----

  /**
   * The client's offer on its publisher (v0) or only (v1) connection: answer it, start producers
   * for newly sent tracks, consumers for newly placed subscriptions.
   */
  void onOffer(Participant p, LivekitRtc.SessionDescription offer) throws SdpException {
    SessionDescription sdp = SdpParser.parse(offer.getSdp());
    if (p.publisher == null) {
      // v0 without subscriber-primary: the publisher connection is the one the client waits
      // for, and its first offer holds only the data channel section. Rejecting it would leave
      // the connection without a transport, so it is accepted even when data channels are off
      // (ICE and DTLS come up; SCTP is only started when they are on).
      boolean data = room.settings.dataChannels();
      ServerCapabilities caps =
          capabilities.withDataChannels(data || p.protocol == Participant.Protocol.V0);
      p.publisher = new ClientPeer(room.newTransport(p), caps, data);
    }
    Map<String, LocalSender> senders = new LinkedHashMap<>();
    Map<String, String> midToTrack = new LinkedHashMap<>();
    if (p.protocol == Participant.Protocol.V1) {
      place(p, ClientPeer.receiveSections(sdp), senders, midToTrack);
    }
    SdpAnswer answer = p.publisher.answer(room.media, sdp, senders);
    cooling.remove(p);
    List<Publication> published = Publishing.produce(room, p, answer);
    p.send(Signals.answer(answer.sdp(), offer.getId(), midToTrack));
    startConsumers(p, answer);
    if (p.state == livekit.LivekitModels.ParticipantInfo.State.JOINED) {
      p.state = livekit.LivekitModels.ParticipantInfo.State.ACTIVE;
      room.broadcast(p);
    }
    published.forEach(room::published);
  }

  /** v0 subscriber-primary: the subscriber connection starts now, with the data channel. */
  void openSubscriber(Participant p) {
    SubscriberOffers.open(room, p, capabilities);
  }

  /** The client's answer to a server offer (v0 subscriber connection). */
  void onAnswer(Participant p, LivekitRtc.SessionDescription answer) {
    SubscriberOffers.onAnswer(room, p, answer, capabilities);
  }

  /** v1: keeps placed subscriptions whose section is still offered, places the others. */
  private void place(
      Participant p,
      List<ClientPeer.ReceiveSection> sections,
      Map<String, LocalSender> senders,
      Map<String, String> midToTrack) {
    Set<String> cool = cooling.getOrDefault(p, Set.of());
    Map<String, String> offered = new LinkedHashMap<>();
    sections.forEach(r -> offered.put(r.mid(), r.kind()));
    Set<String> used = new HashSet<>(cool);
    for (Subscription s : p.subscriptions.values()) {
      if (s.mid != null && !s.track.kind().equals(offered.get(s.mid))) {
        closeConsumer(s);
        s.mid = null;
      }
      if (s.mid != null) {
        used.add(s.mid);
      }
    }
    for (Subscription s : p.subscriptions.values()) {
      if (s.mid == null) {
        for (Map.Entry<String, String> e : offered.entrySet()) {
          if (!used.contains(e.getKey()) && e.getValue().equals(s.track.kind())) {
            s.mid = e.getKey();
            used.add(s.mid);
            break;
          }
        }
      }
      if (s.mid != null) {
        senders.put(s.mid, s.sender);
        midToTrack.put(s.mid, s.track.sid);
      }
    }
  }

  private void startConsumers(Participant p, SdpAnswer answer) {
    for (Subscription s : p.subscriptions.values()) {
      if (s.mid == null || s.consumer != null) {
        continue;
      }
      NegotiatedMedia m = answer.media(s.mid);
      if (m == null || !m.accepted() || !m.direction().sends()) {
        continue;
      }
      try {
        ConsumerId id =
            room.media.consume(
                p.publisher.id(),
                s.track.producer,
                NegotiatedRtp.forConsumer(
                    m, s.sender.ssrc(), s.sender.rtxSsrc(), s.sender.cname()));
        s.consumer = id;
        if (s.disabled) {
          room.media.setConsumerPaused(id, true);
        }
        s.track.owner.send(Signals.trackSubscribed(s.track.sid));
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "cannot send " + s.track.sid + " to " + p.identity, e);
      }
    }
  }

  private void closeConsumer(Subscription s) {
    if (s.consumer == null) {
      return;
    }
    try {
      room.media.closeConsumer(s.consumer);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "closing consumer " + s.consumer, e);
    }
    s.consumer = null;
  }

  /** A random nonzero SSRC (RFC 3550 §8.1). */
  private static long ssrc() {
    long s;
    do {
      s = RANDOM.nextInt() & 0xFFFF_FFFFL;
    } while (s == 0);
    return s;
  }
}
