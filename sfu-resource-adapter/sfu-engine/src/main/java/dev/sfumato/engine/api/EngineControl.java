package dev.sfumato.engine.api;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The engine's control channel, mediasoup-style: each call is queued to the worker that owns the
 * object and applied on that worker's thread. No call blocks its caller.
 *
 * <p>Stages complete on the worker thread. A dependent action registered without an executor would
 * run on the media loop; register dependents with an executor (or use the JCA connection, which
 * hops off the media thread for you).
 *
 * <p>Failures are {@link EngineException}s: {@code CLOSED} once the engine has stopped, {@code
 * NOT_FOUND} for an id the engine does not know.
 */
public interface EngineControl {

  /** Creates a router on the worker with the fewest routers. */
  CompletionStage<RouterInfo> createRouter();

  /** Closes a router and everything under it; emits {@link EngineEvent.RouterClosed}. */
  CompletionStage<Void> closeRouter(RouterId id);

  /**
   * The router's active speakers now, loudest first (see {@link EngineEvent.SpeakersChanged}, which
   * pushes the same list when it changes). NOT_FOUND if the router does not exist.
   */
  CompletionStage<List<SpeakerLevel>> speakers(RouterId router);

  /** Every worker's state. */
  CompletionStage<EngineDump> dump();

  // ---- WebRTC transports (one per peer connection, ICE-lite + DTLS + SRTP, BUNDLE, rtcp-mux) ----

  /**
   * Creates a transport on the router's worker: fresh ICE credentials, the worker's host candidate,
   * the engine's DTLS fingerprint. NOT_FOUND if the router does not exist.
   */
  CompletionStage<WebRtcTransportInfo> createWebRtcTransport(RouterId router);

  /**
   * Gives the transport what the peer's SDP says: its ICE credentials (may be null: checks are
   * authenticated by our password alone, RFC 8445 §7.2.2) and its DTLS role and fingerprints. The
   * engine starts DTLS once ICE has selected an address.
   */
  CompletionStage<Void> connectWebRtcTransport(
      TransportId transport, IceParameters remoteIce, DtlsParameters remoteDtls);

  /**
   * ICE restart keeping only our side checked: {@code restartIce(transport, null)}.
   *
   * @see #restartIce(TransportId, IceParameters)
   */
  default CompletionStage<IceParameters> restartIce(TransportId transport) {
    return restartIce(transport, null);
  }

  /**
   * ICE restart (RFC 8445 §9): new local credentials and, in the same step, the peer's new ones
   * from its restart offer (a LiveKit client "resume" sends new ice-ufrag/ice-pwd on the same
   * transport). From then on a check must be {@code <new local ufrag>:<remote ufrag>} signed with
   * the new local password; checks naming the old remote ufrag are refused. {@code remote} null
   * means the peer's ufrag is not checked (as with a null {@code remoteIce} at connect). DTLS and
   * SRTP are untouched, so media continues on the selected path until the peer nominates a new one.
   * NOT_FOUND if the transport does not exist.
   *
   * @return the new local credentials for the answer
   */
  CompletionStage<IceParameters> restartIce(TransportId transport, IceParameters remote);

  /** Closes the transport with its producers and consumers (and the consumers of its producers). */
  CompletionStage<Void> closeTransport(TransportId transport);

  CompletionStage<StatsReport> transportStats(TransportId transport);

  // ---- producers: one per published track ----

  /** Starts receiving one track on the transport, as negotiated (payload types, SSRCs or RIDs). */
  CompletionStage<ProducerInfo> produce(TransportId transport, RtpParameters rtpParameters);

  CompletionStage<Void> pauseProducer(ProducerId producer);

  CompletionStage<Void> resumeProducer(ProducerId producer);

  /** Closes the producer; each of its consumers closes too (ConsumerClosed events). */
  CompletionStage<Void> closeProducer(ProducerId producer);

  CompletionStage<StatsReport> producerStats(ProducerId producer);

  // ---- consumers: one producer's media sent on a transport ----

  /**
   * Starts sending the producer's media on the transport (same router). {@code rtpParameters} is
   * how the subscriber receives it: its payload types, header extension ids, and the SSRC (and RTX
   * SSRC) chosen for it. Codecs are matched to the producer's by MIME type.
   */
  CompletionStage<ConsumerInfo> consume(
      TransportId transport, ProducerId producer, RtpParameters rtpParameters);

  CompletionStage<Void> pauseConsumer(ConsumerId consumer);

  CompletionStage<Void> resumeConsumer(ConsumerId consumer);

  /** Asks the producer for a keyframe on this consumer's behalf (rate-limited per producer). */
  CompletionStage<Void> requestKeyFrame(ConsumerId consumer);

  CompletionStage<Void> closeConsumer(ConsumerId consumer);

  CompletionStage<StatsReport> consumerStats(ConsumerId consumer);
}
