package dev.sfumato.rooms.live;

import dev.sfumato.engine.api.ConsumerId;
import dev.sfumato.rooms.sdp.NegotiatedMedia;
import dev.sfumato.rooms.sdp.OfferOutcome;
import dev.sfumato.rooms.sdp.OfferSection;
import dev.sfumato.rooms.sdp.SdpException;
import dev.sfumato.rooms.sdp.SdpOffer;
import dev.sfumato.rooms.sdp.ServerCapabilities;
import dev.sfumato.rooms.webrtc.NegotiatedRtp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import livekit.LivekitModels.ParticipantInfo;
import livekit.LivekitRtc;

/**
 * Protocol v0's subscriber side: each change of a participant's subscriptions becomes a server
 * offer on its subscriber connection (a section per subscribed track, stopped sections for tracks
 * that went away, new tracks appended with new mids), and the client's answer starts the consumers.
 * With data channels the first offer carries the data channel section (for a subscriber-primary
 * participant it goes out at join, with no track yet), and the answer that accepts it opens the
 * server's {@code _reliable} and {@code _lossy} channels. Called under the room's monitor.
 */
final class SubscriberOffers {
  private static final Logger LOG = Logger.getLogger(SubscriberOffers.class.getName());

  private SubscriberOffers() {}

  /** Creates the subscriber connection (if there is none) and makes its first offer. */
  static void open(Room room, Participant p, ServerCapabilities capabilities) {
    if (p.subscriber == null) {
      p.subscriber =
          new ServerPeer(room.newTransport(p), capabilities, room.settings.dataChannels());
      renegotiate(room, p, capabilities);
    }
  }

  static void renegotiate(Room room, Participant p, ServerCapabilities capabilities) {
    if (p.subscriber == null) {
      if (p.subscriptions.isEmpty()) {
        return;
      }
      p.subscriber =
          new ServerPeer(room.newTransport(p), capabilities, room.settings.dataChannels());
    }
    ServerPeer peer = p.subscriber;
    if (!peer.canOffer()) {
      return;
    }
    List<OfferSection> sections = new ArrayList<>();
    Map<String, Subscription> byMid = new LinkedHashMap<>();
    for (Subscription s : p.subscriptions.values()) {
      if (s.mid != null) {
        byMid.put(s.mid, s);
      }
    }
    for (OfferSection old : peer.sections()) {
      Subscription s = byMid.remove(old.mid());
      sections.add(s == null && old.isLive() ? old.stop() : old);
    }
    for (Subscription s : p.subscriptions.values()) {
      if (s.mid == null) {
        s.mid = peer.newMid(s.track.kind());
        sections.add(OfferSection.live(s.mid, s.track.kind(), s.sender, s.track.media.codecs()));
      }
    }
    boolean first = peer.offerId() == 0;
    if (sections.isEmpty() && !(first && peer.hasDataChannel())) {
      return;
    }
    SdpOffer offer = peer.offer(sections);
    Map<String, String> midToTrack = new LinkedHashMap<>();
    for (Subscription s : p.subscriptions.values()) {
      midToTrack.put(s.mid, s.track.sid);
    }
    p.send(Signals.offer(offer.sdp(), peer.offerId(), midToTrack));
  }

  static void onAnswer(
      Room room,
      Participant p,
      LivekitRtc.SessionDescription answer,
      ServerCapabilities capabilities) {
    if (p.subscriber == null) {
      return;
    }
    OfferOutcome outcome;
    try {
      outcome = p.subscriber.answered(room.media, answer.getSdp());
    } catch (SdpException e) {
      LOG.info(() -> "subscriber answer of " + p.identity + " refused: " + e.getMessage());
      return;
    }
    if (outcome == null) {
      return;
    }
    if (p.subscriber.sctpStarted()) {
      room.data.subscriberReady(p);
    }
    if (p.state == ParticipantInfo.State.JOINED) {
      // Subscriber-primary: its connection is the one that makes the participant active (LiveKit
      // marks it so when the primary connection is up).
      p.state = ParticipantInfo.State.ACTIVE;
      room.broadcast(p);
    }
    for (Subscription s : p.subscriptions.values()) {
      NegotiatedMedia m = s.mid == null ? null : outcome.media(s.mid);
      if (s.consumer != null || m == null || !m.accepted()) {
        continue;
      }
      try {
        ConsumerId id =
            room.media.consume(
                p.subscriber.id(),
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
    if (p.subscriber.dirty()) {
      renegotiate(room, p, capabilities);
    }
  }
}
