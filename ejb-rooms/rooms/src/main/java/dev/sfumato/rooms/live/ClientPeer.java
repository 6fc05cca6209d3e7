package dev.sfumato.rooms.live;

import dev.sfumato.engine.api.IceParameters;
import dev.sfumato.engine.api.TransportId;
import dev.sfumato.engine.api.WebRtcTransportInfo;
import dev.sfumato.rooms.sdp.AnswerBuilder;
import dev.sfumato.rooms.sdp.AnswerPolicy;
import dev.sfumato.rooms.sdp.Direction;
import dev.sfumato.rooms.sdp.LocalSender;
import dev.sfumato.rooms.sdp.MediaDescription;
import dev.sfumato.rooms.sdp.SdpAnswer;
import dev.sfumato.rooms.sdp.SdpException;
import dev.sfumato.rooms.sdp.ServerCapabilities;
import dev.sfumato.rooms.sdp.SessionDescription;
import dev.sfumato.rooms.webrtc.TransportSdp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A peer connection on which the client makes the offers and the server answers: the only one in
 * protocol v1, the publisher connection in v0. It owns one engine transport; the first answer
 * connects it, and an offer with new ICE credentials (the client's ICE restart on resume) restarts
 * ICE on the same transport so that the engine's producers and consumers survive.
 */
final class ClientPeer {
  /** One section of the client's last offer on which it can receive a track from us. */
  record ReceiveSection(String mid, String kind) {}

  final WebRtcTransportInfo transport;
  private final ServerCapabilities capabilities;
  private IceParameters localIce;
  private String remoteUfrag;
  private boolean connected;
  private List<ReceiveSection> receiveSections = List.of();

  ClientPeer(WebRtcTransportInfo transport, ServerCapabilities capabilities) {
    this.transport = transport;
    this.capabilities = capabilities;
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
    remoteUfrag = ufrag;
    receiveSections = receiveSections(offer);
    return answer;
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
