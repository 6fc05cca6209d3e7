package dev.sfumato.rooms.live;

import dev.sfumato.engine.api.IceParameters;
import dev.sfumato.engine.api.TransportId;
import dev.sfumato.engine.api.WebRtcTransportInfo;
import dev.sfumato.rooms.sdp.NegotiatedMedia;
import dev.sfumato.rooms.sdp.OfferBuilder;
import dev.sfumato.rooms.sdp.OfferOutcome;
import dev.sfumato.rooms.sdp.OfferSection;
import dev.sfumato.rooms.sdp.SdpException;
import dev.sfumato.rooms.sdp.SdpOffer;
import dev.sfumato.rooms.sdp.SdpParser;
import dev.sfumato.rooms.sdp.ServerCapabilities;
import dev.sfumato.rooms.sdp.SessionDescription;
import dev.sfumato.rooms.webrtc.TransportSdp;
import java.security.SecureRandom;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Protocol v0's subscriber connection: the server offers, the client answers. One offer is in
 * flight at a time; changes made meanwhile are offered once the answer came (LiveKit's negotiation
 * queue). Sections keep their mids for the whole session (see {@link OfferBuilder}).
 *
 * <p>With a data channel, the first answer that accepts it starts SCTP on the transport with the
 * answer's a=sctp-port and a=max-message-size (our own were offered from the capabilities).
 */
final class ServerPeer {
  private static final Logger LOG = Logger.getLogger(ServerPeer.class.getName());
  private static final SecureRandom RANDOM = new SecureRandom();

  final WebRtcTransportInfo transport;
  private final ServerCapabilities capabilities;
  private final boolean dataChannel;
  private IceParameters localIce;
  private SdpOffer current;
  private SdpOffer pending;
  private boolean connected;
  private boolean sctpTried;
  private boolean sctpStarted;
  private boolean dirty;
  private int nextMid;
  private int offerId;

  ServerPeer(WebRtcTransportInfo transport, ServerCapabilities capabilities, boolean dataChannel) {
    this.transport = transport;
    this.capabilities = capabilities;
    this.dataChannel = dataChannel;
    this.localIce = transport.iceParameters();
  }

  TransportId id() {
    return transport.id();
  }

  /** The sections of the latest offer (answered or not), empty before the first. */
  List<OfferSection> sections() {
    SdpOffer latest = pending != null ? pending : current;
    return latest == null ? List.of() : latest.sections();
  }

  String newMid(String kind) {
    return (kind.equals("audio") ? "a" : "v") + nextMid++;
  }

  /** False when an offer is already waiting for its answer: offer again after it. */
  boolean canOffer() {
    if (pending != null) {
      dirty = true;
      return false;
    }
    return true;
  }

  /** Makes the next offer over {@code sections}; returns it with its id for the signal message. */
  SdpOffer offer(List<OfferSection> sections) {
    OfferBuilder builder = new OfferBuilder(capabilities, TransportSdp.local(transport, localIce));
    pending =
        current == null
            ? builder.offer(sections, dataChannel, RANDOM.nextLong() >>> 2, 1)
            : builder.reoffer(current, sections);
    dirty = false;
    offerId++;
    return pending;
  }

  int offerId() {
    return offerId;
  }

  /** Whether the offers carry the data channel section. */
  boolean hasDataChannel() {
    return dataChannel;
  }

  /** Whether SCTP runs on the transport (the client accepted the data channel section). */
  boolean sctpStarted() {
    return sctpStarted;
  }

  /**
   * The client's answer to the pending offer; the first one connects the transport. Returns null
   * when no offer is pending (a stale or unsolicited answer).
   */
  OfferOutcome answered(Media media, String answerSdp) throws SdpException {
    if (pending == null) {
      return null;
    }
    SessionDescription answer = SdpParser.parse(answerSdp);
    OfferOutcome outcome = pending.accept(answer);
    current = pending;
    pending = null;
    if (!connected && outcome.remote() != null) {
      media.connect(id(), TransportSdp.ice(outcome.remote()), TransportSdp.dtls(outcome.remote()));
      connected = true;
    }
    NegotiatedMedia data = dataChannel ? outcome.media(OfferBuilder.DATA_CHANNEL_MID) : null;
    if (!sctpTried && data != null && data.accepted()) {
      sctpTried = true;
      try {
        media.enableSctp(id(), SctpSdp.remote(answer.media(OfferBuilder.DATA_CHANNEL_MID)));
        sctpStarted = true;
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "cannot start SCTP on " + id(), e);
      }
    }
    return outcome;
  }

  /** Changes were made while the last offer was in flight. */
  boolean dirty() {
    return dirty;
  }
}
