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

  // ---- data channels: SCTP (RFC 8261) on a WebRTC transport, DCEP (RFC 8832) ----

  /**
   * Starts SCTP on the transport (RFC 8261): the association comes up once DTLS is connected (at
   * once if it already is). Peer-opened channels (DCEP OPEN) become data producers automatically:
   * {@link EngineEvent.DataProducerOpened}. State changes: {@link EngineEvent.SctpStateChanged}.
   *
   * @param remote the peer's {@code a=sctp-port} and {@code a=max-message-size} (RFC 8841); a
   *     max-message-size of 0 is treated as 65536
   * @param emitMessages every message of this transport's data producers is also an {@link
   *     EngineEvent.DataMessage} (the LiveKit room layer routes them itself); such producers keep
   *     no backlog, since the events already hand every message to the application
   * @return our parameters for the answer: port 5000, max-message-size 262144. INVALID_ARGUMENT if
   *     SCTP is already enabled on the transport, NOT_FOUND if the transport does not exist
   */
  CompletionStage<SctpParameters> enableSctp(
      TransportId transport, SctpParameters remote, boolean emitMessages);

  /**
   * A data producer for a negotiated channel ({@code channel.streamId() >= 0}, no DCEP): the
   * messages the peer sends on that stream. INVALID_ARGUMENT without SCTP, before {@code
   * connectWebRtcTransport} (the DTLS role decides stream-id parity), for stream id -1 or a stream
   * that already has a data producer.
   */
  CompletionStage<DataProducerInfo> produceData(
      TransportId transport, DataChannelParameters channel);

  /**
   * Closes a data producer and each of its data consumers ({@link EngineEvent.DataProducerClosed},
   * {@link EngineEvent.DataConsumerClosed}); the channel is closed (stream reset, RFC 8831 §6.7)
   * once no data consumer of the transport sends on it either.
   */
  CompletionStage<Void> closeDataProducer(DataProducerId id);

  /**
   * Counters {@code messagesIn}, {@code bytesIn}, {@code messagesOut} (messages handed to
   * consumers), {@code backlog}, {@code backlogDropped}, {@code consumers}.
   */
  CompletionStage<StatsReport> dataProducerStats(DataProducerId id);

  /**
   * A channel on which the engine sends. {@code producer} != null: that data producer's messages
   * (same router; its backlog first); null: what the application passes to {@link #sendData}.
   * {@code channel.streamId() == -1}: the engine opens a new channel with DCEP on a free stream id
   * of its parity (RFC 8832 §6); the stream id of a channel the peer opened on this transport: the
   * engine sends on that channel (channels are bidirectional, so a loopback echoes and LiveKit
   * answers on the client's {@code _reliable}/{@code _lossy}); any other stream id: a negotiated
   * channel. Ordering and partial reliability ({@code maxRetransmits}, {@code maxPacketLifeTime})
   * come from {@code channel}. The returned info carries the stream id used. INVALID_ARGUMENT
   * without SCTP, before {@code connectWebRtcTransport}, or when the stream already has a data
   * consumer.
   */
  CompletionStage<DataConsumerInfo> consumeData(
      TransportId transport, DataProducerId producer, DataChannelParameters channel);

  /**
   * Sends one message on an application-fed data consumer; {@code payload} belongs to the engine
   * from this call on. A message above the peer's max-message-size is dropped and counted (false),
   * never sent. INVALID_ARGUMENT for a consumer fed by a data producer.
   *
   * @param binary PPID 53 (binary) rather than 51 (string: {@code payload} is UTF-8)
   * @return false when dropped because the SCTP send buffer is full (or the message is too large or
   *     the channel closed); counted in the consumer's stats
   */
  CompletionStage<Boolean> sendData(DataConsumerId consumer, boolean binary, byte[] payload);

  /**
   * Closes a data consumer ({@link EngineEvent.DataConsumerClosed}); its channel is closed once no
   * data producer of the transport uses that stream either.
   */
  CompletionStage<Void> closeDataConsumer(DataConsumerId id);

  /**
   * Counters {@code messagesOut}, {@code bytesOut}, {@code dropped} with {@code droppedBufferFull},
   * {@code droppedTooLarge}, {@code droppedClosed}, {@code bufferedAmount}.
   */
  CompletionStage<StatsReport> dataConsumerStats(DataConsumerId id);

  /**
   * Test-only fault injection: drop this percentage (0..50) of the DTLS records after the handshake
   * and of the SRTP/SRTCP datagrams, inbound and outbound, on every worker (counted as drop reason
   * {@code INJECTED_LOSS}); 0 turns it off. INVALID_ARGUMENT unless {@code
   * EngineConfig.faultInjection()} is true (MicroProfile key {@code sfumato.media.fault-injection},
   * default false) or the percentage is outside 0..50.
   */
  CompletionStage<Void> injectLoss(double percent);
}
