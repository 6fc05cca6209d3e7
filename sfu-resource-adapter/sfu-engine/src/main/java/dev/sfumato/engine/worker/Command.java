package dev.sfumato.engine.worker;

import dev.sfumato.engine.api.ConsumerId;
import dev.sfumato.engine.api.ConsumerInfo;
import dev.sfumato.engine.api.DataChannelParameters;
import dev.sfumato.engine.api.DataConsumerId;
import dev.sfumato.engine.api.DataConsumerInfo;
import dev.sfumato.engine.api.DataProducerId;
import dev.sfumato.engine.api.DataProducerInfo;
import dev.sfumato.engine.api.DtlsParameters;
import dev.sfumato.engine.api.EngineException;
import dev.sfumato.engine.api.IceParameters;
import dev.sfumato.engine.api.ProducerId;
import dev.sfumato.engine.api.ProducerInfo;
import dev.sfumato.engine.api.RouterId;
import dev.sfumato.engine.api.RouterInfo;
import dev.sfumato.engine.api.RtpParameters;
import dev.sfumato.engine.api.SctpParameters;
import dev.sfumato.engine.api.SpeakerLevel;
import dev.sfumato.engine.api.StatsReport;
import dev.sfumato.engine.api.TransportId;
import dev.sfumato.engine.api.WebRtcTransportInfo;
import dev.sfumato.engine.dtls.SrtpKeyMaterial;
import dev.sfumato.engine.transport.WebRtcTransport;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A request queued to one worker and applied on its thread, named object-then-verb like mediasoup's
 * channel requests ({@code TRANSPORT_CONNECT}). Control commands carry the future their caller
 * holds; the internal {@code TransportDtls*} ones carry DTLS outputs from the handshake threads and
 * have no caller to answer.
 */
public sealed interface Command {

  CompletableFuture<?> reply();

  default void fail(EngineException e) {
    reply().completeExceptionally(e);
  }

  /** Create a router with an id chosen by the dispatcher, so the directory can be checked early. */
  record RouterCreate(RouterId id, CompletableFuture<RouterInfo> reply) implements Command {}

  /** Close a router and everything under it. */
  record RouterClose(RouterId id, CompletableFuture<Void> reply) implements Command {}

  /** The router's current speakers, loudest first. */
  record RouterGetSpeakers(RouterId id, CompletableFuture<List<SpeakerLevel>> reply)
      implements Command {}

  /** Report the worker's state (the dump is taken on the worker so its counters need no fences). */
  record WorkerDump(CompletableFuture<dev.sfumato.engine.api.WorkerDump> reply)
      implements Command {}

  record TransportCreate(
      TransportId id, RouterId router, CompletableFuture<WebRtcTransportInfo> reply)
      implements Command {}

  record TransportConnect(
      TransportId id,
      IceParameters remoteIce,
      DtlsParameters remoteDtls,
      CompletableFuture<Void> reply)
      implements Command {}

  /** New local ICE credentials and, when not null, the peer's new ones, in one step. */
  record TransportRestartIce(
      TransportId id, IceParameters remoteIce, CompletableFuture<IceParameters> reply)
      implements Command {}

  record TransportClose(TransportId id, CompletableFuture<Void> reply) implements Command {}

  record TransportGetStats(TransportId id, CompletableFuture<StatsReport> reply)
      implements Command {}

  record ProducerCreate(
      ProducerId id,
      TransportId transport,
      RtpParameters rtpParameters,
      CompletableFuture<ProducerInfo> reply)
      implements Command {}

  /** Pause, resume or close, as {@link Verb} says. */
  record ProducerChange(ProducerId id, Verb verb, CompletableFuture<Void> reply)
      implements Command {}

  record ProducerGetStats(ProducerId id, CompletableFuture<StatsReport> reply) implements Command {}

  record ConsumerCreate(
      ConsumerId id,
      TransportId transport,
      ProducerId producer,
      RtpParameters rtpParameters,
      CompletableFuture<ConsumerInfo> reply)
      implements Command {}

  /** Pause, resume, close or request a keyframe, as {@link Verb} says. */
  record ConsumerChange(ConsumerId id, Verb verb, CompletableFuture<Void> reply)
      implements Command {}

  record ConsumerGetStats(ConsumerId id, CompletableFuture<StatsReport> reply) implements Command {}

  /** Start SCTP on the transport (RFC 8261). */
  record TransportEnableSctp(
      TransportId id,
      SctpParameters remote,
      boolean emitMessages,
      CompletableFuture<SctpParameters> reply)
      implements Command {}

  record DataProducerCreate(
      DataProducerId id,
      TransportId transport,
      DataChannelParameters channel,
      CompletableFuture<DataProducerInfo> reply)
      implements Command {}

  record DataProducerClose(DataProducerId id, CompletableFuture<Void> reply) implements Command {}

  record DataProducerGetStats(DataProducerId id, CompletableFuture<StatsReport> reply)
      implements Command {}

  /** {@code producer} null: an application-fed consumer. */
  record DataConsumerCreate(
      DataConsumerId id,
      TransportId transport,
      DataProducerId producer,
      DataChannelParameters channel,
      CompletableFuture<DataConsumerInfo> reply)
      implements Command {}

  /** One application message; {@code payload} belongs to the engine. */
  record DataConsumerSend(
      DataConsumerId id, boolean binary, byte[] payload, CompletableFuture<Boolean> reply)
      implements Command {}

  record DataConsumerClose(DataConsumerId id, CompletableFuture<Void> reply) implements Command {}

  record DataConsumerGetStats(DataConsumerId id, CompletableFuture<StatsReport> reply)
      implements Command {}

  /** Test-only fault injection on this worker: the loss percentage, 0 for none. */
  record WorkerInjectLoss(double percent, CompletableFuture<Void> reply) implements Command {}

  /** The verbs of {@link ProducerChange} and {@link ConsumerChange}. */
  enum Verb {
    PAUSE,
    RESUME,
    CLOSE,
    REQUEST_KEY_FRAME
  }

  /** An outgoing DTLS datagram, copied on the DTLS thread; sent to the selected address. */
  record TransportDtlsSend(WebRtcTransport transport, byte[] datagram) implements Command {
    @Override
    public CompletableFuture<?> reply() {
      return NoReply.DONE;
    }
  }

  /** The DTLS handshake completed: build SRTP. */
  record TransportDtlsConnected(WebRtcTransport transport, SrtpKeyMaterial keys)
      implements Command {
    @Override
    public CompletableFuture<?> reply() {
      return NoReply.DONE;
    }
  }

  /** One SCTP packet out of DTLS, copied on the drain thread. */
  record TransportSctpPacket(WebRtcTransport transport, byte[] packet) implements Command {
    @Override
    public CompletableFuture<?> reply() {
      return NoReply.DONE;
    }
  }

  /** DTLS failed (e.g. fingerprint mismatch) or closed: close the transport. */
  record TransportDtlsEnded(WebRtcTransport transport, String reason) implements Command {
    @Override
    public CompletableFuture<?> reply() {
      return NoReply.DONE;
    }
  }

  /** The answer of the internal commands: nobody waits, a failure changes nothing. */
  final class NoReply {
    static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private NoReply() {}
  }
}
