package dev.sfumato.rooms.loopback;

import dev.sfumato.engine.api.DataProducerInfo;
import dev.sfumato.engine.api.RouterId;
import dev.sfumato.engine.api.SctpParameters;
import dev.sfumato.engine.api.TransportId;
import dev.sfumato.engine.api.WebRtcTransportInfo;
import dev.sfumato.rooms.engine.EngineGateway;
import dev.sfumato.rooms.sdp.AnswerBuilder;
import dev.sfumato.rooms.sdp.AnswerPolicy;
import dev.sfumato.rooms.sdp.NegotiatedMedia;
import dev.sfumato.rooms.sdp.SdpAnswer;
import dev.sfumato.rooms.sdp.SdpException;
import dev.sfumato.rooms.sdp.SdpParser;
import dev.sfumato.rooms.sdp.ServerCapabilities;
import dev.sfumato.rooms.sdp.SessionDescription;
import dev.sfumato.rooms.webrtc.SessionException;
import dev.sfumato.rooms.webrtc.TransportSdp;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Data channel loopback sessions ({@code POST /live/loopback}): a peer connection whose every data
 * channel echoes what the peer sends on it, through the engine's data producer and a data consumer
 * on the same stream. It is how an operator (or a test) checks that SCTP over DTLS works between a
 * browser and the server without a room. Each session has its own router, so nothing it does can
 * reach a room; at most {@link #MAX_SESSIONS} run at once.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LoopbackSessions {
  /** A diagnostic, not a service: a handful at a time is plenty and bounds what it can cost. */
  static final int MAX_SESSIONS = 16;

  private static final Logger LOG = Logger.getLogger(LoopbackSessions.class.getName());
  private static final SecureRandom RANDOM = new SecureRandom();

  private record Session(String id, RouterId router, TransportId transport) {}

  @EJB private EngineGateway engine;

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Map<TransportId, Session> byTransport = new ConcurrentHashMap<>();

  /** The answer and the session id; the offer needs a data channel section. */
  public Created create(String offerSdp) {
    if (sessions.size() >= MAX_SESSIONS) {
      throw new SessionException(
          SessionException.Code.UNAVAILABLE, MAX_SESSIONS + " loopback sessions are open", 5);
    }
    SessionDescription offer = parse(offerSdp);
    RouterId router = engine.openRouter();
    try {
      WebRtcTransportInfo transport = engine.createWebRtcTransport(router);
      SdpAnswer answer = answer(offer, transport);
      NegotiatedMedia data =
          answer.accepted().stream()
              .filter(m -> m.kind().equals("application"))
              .findFirst()
              .orElseThrow(
                  () ->
                      new SessionException(
                          SessionException.Code.BAD_REQUEST,
                          "the offer has no data channel section (m=application … webrtc-datachannel)"));
      Session session = new Session(newId(), router, transport.id());
      byTransport.put(transport.id(), session);
      sessions.put(session.id(), session);
      engine.enableSctp(
          transport.id(),
          new SctpParameters(
              data.sctpPort(), (int) Math.min(Integer.MAX_VALUE, data.maxMessageSize())),
          false);
      engine.connectWebRtcTransport(
          transport.id(), TransportSdp.ice(answer.remote()), TransportSdp.dtls(answer.remote()));
      LOG.info(() -> "loopback session " + session.id() + " opened");
      return new Created(session.id(), answer.sdp());
    } catch (RuntimeException e) {
      closeRouterQuietly(router);
      throw e;
    }
  }

  /** The answer to a loopback offer and the id of its session URL. */
  public record Created(String sessionId, String answerSdp) {}

  /** Ends a session: its router, transport and channels close. */
  public void end(String sessionId) {
    Session s = sessions.remove(sessionId);
    if (s == null) {
      throw new SessionException(SessionException.Code.NOT_FOUND, "no such loopback session");
    }
    byTransport.remove(s.transport());
    closeRouterQuietly(s.router());
    LOG.info(() -> "loopback session " + sessionId + " ended");
  }

  /**
   * The peer opened a data channel: if it is on one of our transports, echo it (a data consumer on
   * the same stream id). False when the transport is not a loopback one.
   */
  public boolean dataProducerOpened(DataProducerInfo info) {
    if (!byTransport.containsKey(info.transportId())) {
      return false;
    }
    try {
      engine.consumeData(info.transportId(), info.id(), info.channel());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "loopback echo for " + info + " not created", e);
    }
    return true;
  }

  /** The engine closed a transport by itself (DTLS failure, consent lost): drop its session. */
  public void onTransportClosed(TransportId transport) {
    Session s = byTransport.remove(transport);
    if (s != null && sessions.remove(s.id()) != null) {
      closeRouterQuietly(s.router());
    }
  }

  public int sessionCount() {
    return sessions.size();
  }

  private static SdpAnswer answer(SessionDescription offer, WebRtcTransportInfo transport) {
    ServerCapabilities dataOnly =
        ServerCapabilities.defaults().withCodecs(List.of()).withDataChannels(true);
    try {
      return new AnswerBuilder(dataOnly, TransportSdp.local(transport, transport.iceParameters()))
          .answer(offer, AnswerPolicy.whip());
    } catch (SdpException e) {
      throw new SessionException(SessionException.Code.BAD_REQUEST, e.getMessage());
    }
  }

  private static SessionDescription parse(String sdp) {
    try {
      return SdpParser.parse(sdp);
    } catch (SdpException e) {
      throw new SessionException(SessionException.Code.BAD_REQUEST, "bad SDP: " + e.getMessage());
    }
  }

  private void closeRouterQuietly(RouterId router) {
    try {
      engine.closeRouter(router);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "closing loopback router " + router, e);
    }
  }

  private static String newId() {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
