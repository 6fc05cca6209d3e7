package dev.sfumato.rooms.webrtc;

import dev.sfumato.engine.api.IceParameters;
import dev.sfumato.engine.api.MediaKind;
import dev.sfumato.engine.api.ProducerId;
import dev.sfumato.engine.api.ProducerInfo;
import dev.sfumato.engine.api.RouterId;
import dev.sfumato.engine.api.TransportId;
import dev.sfumato.engine.api.WebRtcTransportInfo;
import dev.sfumato.rooms.application.RoomManager;
import dev.sfumato.rooms.auth.ClaimGrants;
import dev.sfumato.rooms.engine.EngineGateway;
import dev.sfumato.rooms.live.LiveRooms;
import dev.sfumato.rooms.live.LiveTrack;
import dev.sfumato.rooms.sdp.AnswerBuilder;
import dev.sfumato.rooms.sdp.AnswerPolicy;
import dev.sfumato.rooms.sdp.LocalSender;
import dev.sfumato.rooms.sdp.LocalTransport;
import dev.sfumato.rooms.sdp.MediaDescription;
import dev.sfumato.rooms.sdp.NegotiatedMedia;
import dev.sfumato.rooms.sdp.RemoteTransport;
import dev.sfumato.rooms.sdp.SdpAnswer;
import dev.sfumato.rooms.sdp.SdpException;
import dev.sfumato.rooms.sdp.SdpParser;
import dev.sfumato.rooms.sdp.ServerCapabilities;
import dev.sfumato.rooms.sdp.SessionDescription;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * WHIP and WHEP sessions: a WHIP publisher is a participant whose tracks become producers of the
 * room's router; a WHEP viewer is a hidden participant with one consumer per track it watches.
 * Sessions are media state and live only in memory on the node that holds the room.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebRtcSessions {
  private static final Logger LOG = Logger.getLogger(WebRtcSessions.class.getName());

  /** Seconds a WHEP client is told to wait when the room has nothing to watch yet. */
  static final int RETRY_AFTER_SECONDS = 5;

  private static final SecureRandom RANDOM = new SecureRandom();

  @EJB private RoomManager rooms;
  @EJB private EngineGateway engine;
  @EJB private LiveRooms live;

  private final Map<String, MediaSession> sessions = new ConcurrentHashMap<>();

  public SessionAnswer publish(String room, ClaimGrants claims, String offerSdp) {
    SessionGrants.requirePublish(room, claims);
    SessionDescription offer = parse(offerSdp);
    WebRtcTransportInfo transport = openTransport(room);
    try {
      SdpAnswer answer = answer(offer, transport, AnswerPolicy.whip());
      connect(transport, answer.remote());
      List<ProducerId> producers = new ArrayList<>();
      List<NegotiatedMedia> media = new ArrayList<>();
      for (NegotiatedMedia m : answer.accepted()) {
        if (m.kind().equals("audio") || m.kind().equals("video")) {
          ProducerInfo p =
              engine.produce(transport.id(), NegotiatedRtp.forProducer(m, claims.identity()));
          producers.add(p.id());
          media.add(m);
        }
      }
      if (producers.isEmpty()) {
        throw new SessionException(
            SessionException.Code.BAD_REQUEST, "the offer has no audio or video we can receive");
      }
      SessionAnswer registered = register(true, room, claims.identity(), transport, answer);
      sessions
          .get(registered.sessionId())
          .participantSid(live.joinHttpPublisher(room, claims, producers, media));
      return registered;
    } catch (RuntimeException e) {
      closeQuietly(transport.id());
      throw e;
    }
  }

  public SessionAnswer watch(String room, String participant, ClaimGrants claims, String sdp) {
    SessionGrants.requireSubscribe(room, claims);
    SessionDescription offer = parse(sdp);
    List<LiveTrack> published = live.liveTracks(room, participant);
    if (published.isEmpty()) {
      throw new SessionException(
          SessionException.Code.CONFLICT,
          "nothing is published in room '" + room + "' yet",
          RETRY_AFTER_SECONDS);
    }
    WebRtcTransportInfo transport = openTransport(room);
    try {
      Map<String, Assignment> assigned = assign(offer, published);
      Map<String, LocalSender> senders = new LinkedHashMap<>();
      assigned.forEach((mid, a) -> senders.put(mid, a.sender));
      SdpAnswer answer = answer(offer, transport, AnswerPolicy.whep(senders));
      connect(transport, answer.remote());
      for (NegotiatedMedia m : answer.accepted()) {
        Assignment a = assigned.get(m.mid());
        if (a != null) {
          engine.consume(
              transport.id(),
              a.track.producer(),
              NegotiatedRtp.forConsumer(m, a.sender.ssrc(), a.sender.rtxSsrc(), a.sender.cname()));
        }
      }
      return register(false, room, claims.identity(), transport, answer);
    } catch (RuntimeException e) {
      closeQuietly(transport.id());
      throw e;
    }
  }

  /** ICE restart (RFC 9725 §4.4.1): new local credentials; the peer's come in its fragment. */
  public IceRestartAnswer restartIce(String room, String sessionId, String fragment) {
    MediaSession session = find(room, sessionId);
    IceParameters ice = engine.restartIce(session.transport);
    String etag = newEtag();
    session.etag(etag);
    String answer =
        "a=ice-ufrag:" + ice.usernameFragment() + "\r\na=ice-pwd:" + ice.password() + "\r\n";
    return new IceRestartAnswer(answer, etag);
  }

  /**
   * Trickled candidates (RFC 9725 §4.4.2). Sfumato is ICE-lite and learns the client's addresses
   * from its checks, so the candidates themselves are not needed; the entity tag still guards the
   * request against a stale session.
   */
  public void trickle(String room, String sessionId, String ifMatch, String fragment) {
    MediaSession session = find(room, sessionId);
    if (!ifMatch.equals(session.etag())) {
      throw new SessionException(
          SessionException.Code.PRECONDITION_FAILED, "the session's ICE state has changed");
    }
  }

  /** Ends the session and releases its transport (its producers' consumers close with it). */
  public void end(String room, String sessionId) {
    MediaSession session = find(room, sessionId);
    sessions.remove(session.id);
    closeQuietly(session.transport);
    leaveRoom(session);
    LOG.info(() -> "session ended: " + session.id + " in " + room);
  }

  /**
   * The engine closed a transport by itself (DTLS failure, fingerprint mismatch, router closed):
   * the session it carried is over.
   */
  public void onTransportClosed(TransportId transport, String reason) {
    sessions
        .values()
        .removeIf(
            s -> {
              if (s.transport.equals(transport)) {
                LOG.info(() -> "session " + s.id + " in " + s.room + " ended: " + reason);
                leaveRoom(s);
                return true;
              }
              return false;
            });
  }

  /** Open sessions, for the admin API and tests. */
  public int sessionCount() {
    return sessions.size();
  }

  private record Assignment(LiveTrack track, LocalSender sender) {}

  /** Gives each audio/video m-line of the offer a published track of the same kind. */
  private static Map<String, Assignment> assign(SessionDescription offer, List<LiveTrack> tracks) {
    List<LiveTrack> free = new ArrayList<>(tracks);
    Map<String, Assignment> assigned = new LinkedHashMap<>();
    for (MediaDescription m : offer.media()) {
      MediaKind kind =
          m.media().equals("audio")
              ? MediaKind.AUDIO
              : m.media().equals("video") ? MediaKind.VIDEO : null;
      if (kind == null || m.mid() == null) {
        continue;
      }
      free.stream()
          .filter(t -> t.kind() == kind)
          .findFirst()
          .ifPresent(
              t -> {
                free.remove(t);
                LocalSender sender =
                    new LocalSender(
                        t.ownerSid() + "|" + t.trackSid(),
                        t.trackSid(),
                        t.ownerSid(),
                        ssrc(),
                        ssrc());
                assigned.put(m.mid(), new Assignment(t, sender));
              });
    }
    return assigned;
  }

  private void leaveRoom(MediaSession session) {
    if (session.participantSid() != null) {
      try {
        live.leaveHttpPublisher(session.room, session.participantSid());
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "WHIP participant " + session.identity + " could not leave", e);
      }
    }
  }

  private MediaSession find(String room, String sessionId) {
    MediaSession session = sessions.get(sessionId);
    if (session == null || !session.room.equals(room)) {
      throw new SessionException(SessionException.Code.NOT_FOUND, "no such session");
    }
    return session;
  }

  private WebRtcTransportInfo openTransport(String room) {
    RouterId router = new RouterId(rooms.getOrCreateRoom(room).routerId());
    return engine.createWebRtcTransport(router);
  }

  private static SdpAnswer answer(
      SessionDescription offer, WebRtcTransportInfo transport, AnswerPolicy policy) {
    LocalTransport local = TransportSdp.local(transport, transport.iceParameters());
    try {
      SdpAnswer answer =
          new AnswerBuilder(ServerCapabilities.defaults(), local).answer(offer, policy);
      if (answer.remote() == null || answer.accepted().isEmpty()) {
        throw new SessionException(
            SessionException.Code.BAD_REQUEST,
            "no m-line of the offer can be accepted: " + rejections(answer));
      }
      return answer;
    } catch (SdpException e) {
      throw new SessionException(SessionException.Code.BAD_REQUEST, e.getMessage());
    }
  }

  private static String rejections(SdpAnswer answer) {
    StringBuilder sb = new StringBuilder();
    for (NegotiatedMedia m : answer.media()) {
      if (!m.accepted()) {
        sb.append(sb.length() == 0 ? "" : "; ")
            .append(m.mid())
            .append(": ")
            .append(m.rejectReason());
      }
    }
    return sb.toString();
  }

  private void connect(WebRtcTransportInfo transport, RemoteTransport remote) {
    engine.connectWebRtcTransport(
        transport.id(), TransportSdp.ice(remote), TransportSdp.dtls(remote));
  }

  private SessionAnswer register(
      boolean publisher,
      String room,
      String identity,
      WebRtcTransportInfo transport,
      SdpAnswer answer) {
    String id = randomId();
    String etag = newEtag();
    sessions.put(id, new MediaSession(id, publisher, room, identity, transport.id(), etag));
    LOG.info(
        () ->
            (publisher ? "WHIP" : "WHEP") + " session " + id + " in " + room + " for " + identity);
    return new SessionAnswer(id, answer.sdp(), etag);
  }

  private void closeQuietly(TransportId transport) {
    try {
      engine.closeTransport(transport);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "closing transport " + transport, e);
    }
  }

  private static SessionDescription parse(String sdp) {
    try {
      return SdpParser.parse(sdp);
    } catch (SdpException e) {
      throw new SessionException(SessionException.Code.BAD_REQUEST, e.getMessage());
    }
  }

  /** 128 random bits, URL-safe: the session URL is a capability. */
  private static String randomId() {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /** An entity tag value, unquoted (HTTP adds the quotes). */
  private static String newEtag() {
    return randomId();
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
