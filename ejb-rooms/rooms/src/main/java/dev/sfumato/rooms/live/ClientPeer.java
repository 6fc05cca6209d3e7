package dev.sfumato.rooms.live;

import dev.sfumato.engine.api.IceParameters;
import dev.sfumato.engine.api.SctpParameters;
import dev.sfumato.engine.api.TransportId;
import dev.sfumato.engine.api.WebRtcTransportInfo;
import dev.sfumato.rooms.sdp.AnswerBuilder;
import dev.sfumato.rooms.sdp.AnswerPolicy;
import dev.sfumato.rooms.sdp.Direction;
import dev.sfumato.rooms.sdp.LocalSender;
import dev.sfumato.rooms.sdp.MediaDescription;
import dev.sfumato.rooms.sdp.NegotiatedMedia;
import dev.sfumato.rooms.sdp.SdpAnswer;
import dev.sfumato.rooms.sdp.SdpException;
import dev.sfumato.rooms.sdp.ServerCapabilities;
import dev.sfumato.rooms.sdp.SessionDescription;
import dev.sfumato.rooms.webrtc.TransportSdp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A peer connection on which the client makes the offers and the server answers: the only one in
 * protocol v1, the publisher connection in v0. It owns one engine transport; the first answer
 * connects it, and an offer with new ICE credentials (the client's ICE restart on resume) restarts
 * ICE on the same transport so that the engine's producers and consumers survive.
 *
 * <p>The first answer that accepts a data channel section starts SCTP on the transport with the
 * offer's a=sctp-port and a=max-message-size; the answer carries the engine's own values.
 */
final class ClientPeer {
  private static final Logger LOG = Logger.getLogger(ClientPeer.class.getName());

  /** One section of the client's last offer on which it can receive a track from us. */
  record ReceiveSection(String mid, String kind) {}

  final WebRtcTransportInfo transport;
  private final boolean sctp;
  private ServerCapabilities capabilities;
  private boolean sctpStarted;
  private IceParameters localIce;
  private String remoteUfrag;
  private boolean connected;
  private List<ReceiveSection> receiveSections = List.of();

  /**
   * @param sctp whether to start SCTP for an accepted data channel section (the capabilities may
   *     accept one without: v0's data-only first offer when data channels are off)
   */
  ClientPeer(WebRtcTransportInfo transport, ServerCapabilities capabilities, boolean sctp) {
    this.transport = transport;
    this.capabilities = capabilities;
    this.sctp = sctp;
    this.localIce = transport.iceParameters();
  }

  TransportId id() {
    return transport.id();
  }

  /**
   * Answers the client's offer, sending {@code senders} on their mids and receiving what the client
   * sends.
   */
  SdpAnswer answer(Media media, SessionDescription offer, Map<String, LocalSender> senders)
      throws SdpException {
    AnswerPolicy policy = new AnswerPolicy(true, senders);
    SdpAnswer answer = build(offer, policy);
    if (answer.remote() == null) {
      throw new SdpException("no section of the offer can be accepted");
    }
    String ufrag = answer.remote().iceUfrag();
    if (!connected) {
      media.connect(id(), TransportSdp.ice(answer.remote()), TransportSdp.dtls(answer.remote()));
      connected = true;
    } else if (ufrag != null && !ufrag.equals(remoteUfrag)) {
      localIce = media.restartIce(id(), TransportSdp.ice(answer.remote()));
      answer = build(offer, policy);
    }
    if (sctp && !sctpStarted) {
      answer = startSctp(media, offer, policy, answer);
    }
    remoteUfrag = ufrag;
    receiveSections = receiveSections(offer);
    return answer;
  }

  /** Whether SCTP was started on the transport. */
  boolean sctpStarted() {
    return sctpStarted;
  }

  /**
   * Starts SCTP when the answer accepts a data channel section; answers again when the engine's
   * port or message size differ from what the answer says.
   */
  private SdpAnswer startSctp(
      Media media, SessionDescription offer, AnswerPolicy policy, SdpAnswer answer) {
    NegotiatedMedia data =
        answer.accepted().stream()
            .filter(m -> m.kind().equals("application"))
            .findFirst()
            .orElse(null);
    if (data == null) {
      return answer;
    }
    sctpStarted = true;
    SctpParameters ours;
    try {
      ours = media.enableSctp(id(), SctpSdp.remote(offer.media(data.mid())));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "cannot start SCTP on " + id(), e);
      return answer;
    }
    if (ours.port() == capabilities.sctpPort()
        && ours.maxMessageSize() == capabilities.maxMessageSize()) {
      return answer;
    }
    capabilities = capabilities.withSctp(ours.port(), ours.maxMessageSize());
    return build(offer, policy);
  }

  /** Sections of the last offer that let the client receive audio or video, in offer order. */
  List<ReceiveSection> receiveSections() {
    return receiveSections;
  }

  private SdpAnswer build(SessionDescription offer, AnswerPolicy policy) throws SdpException {
    return new AnswerBuilder(capabilities, TransportSdp.local(transport, localIce))
        .answer(offer, policy);
  }

  static List<ReceiveSection> receiveSections(SessionDescription offer) {
    List<ReceiveSection> out = new ArrayList<>();
    for (MediaDescription m : offer.media()) {
      boolean av = m.media().equals("audio") || m.media().equals("video");
      if (av && !m.isRejected() && m.mid() != null && m.direction() == Direction.RECVONLY) {
        out.add(new ReceiveSection(m.mid(), m.media()));
      }
    }
    return out;
  }
}
