package dev.sfumato.engine.transport;

import dev.sfumato.engine.api.DataChannelParameters;
import dev.sfumato.engine.api.EngineEvent;
import dev.sfumato.engine.api.SctpParameters;
import dev.sfumato.engine.dtls.DtlsRole;
import dev.sfumato.engine.dtls.DtlsSession;
import dev.sfumato.engine.forward.DataConsumer;
import dev.sfumato.engine.forward.DataProducer;
import dev.sfumato.engine.forward.DataTransport;
import dev.sfumato.engine.sctp.DataChannel;
import dev.sfumato.engine.sctp.DataChannelListener;
import dev.sfumato.engine.sctp.DataChannels;
import dev.sfumato.engine.sctp.SctpAssociation;
import dev.sfumato.engine.sctp.SctpCloseReason;
import dev.sfumato.engine.sctp.SctpConfig;
import dev.sfumato.engine.sctp.SctpDrop;
import dev.sfumato.engine.sctp.SctpState;
import dev.sfumato.engine.sctp.SendOptions;
import dev.sfumato.engine.sctp.SendStatus;
import java.util.List;
import java.util.Map;

/**
 * The data channels of one {@link WebRtcTransport} (mediasoup's SctpAssociation of a transport):
 * SCTP over DTLS (RFC 8261) with DCEP (RFC 8832), and the data producers and consumers bound to its
 * streams, at most one of each per stream. Confined to the worker thread.
 *
 * <p>Life: {@code enableSctp} creates it; the association is built once the DTLS role is known
 * ({@code connectWebRtcTransport}: the role decides stream-id parity) and started (INIT, both sides
 * do, RFC 8261 §6) when DTLS is connected. SCTP packets come from the DTLS drain thread as commands
 * ({@link DtlsEvents}); ours go out through {@link DtlsSession#send} on the worker, whose sender
 * callback then writes the record to the socket directly.
 *
 * <p>Timers: one {@link AssociationTimer} at the association's next deadline, re-armed after every
 * call that may move it earlier. Which producer and consumer use each stream: {@link
 * StreamBindings}.
 */
public final class TransportData implements DataChannelListener, DataTransport {

  /** Our {@code a=sctp-port} and {@code a=max-message-size} (RFC 8841), as browsers offer. */
  public static final SctpParameters LOCAL = new SctpParameters(SctpConfig.DEFAULT_PORT, 262_144);

  /**
   * SCTP packet bytes. The DTLS send limit is 1200 less the 13-byte record header and AES-GCM's
   * 8-byte explicit nonce and 16-byte tag (the only suites we negotiate): 1163. A little headroom.
   */
  static final int SCTP_MTU = 1152;

  /** What RFC 8841 §6.1 says to assume when the peer announces no max-message-size. */
  static final int DEFAULT_PEER_MAX_MESSAGE_SIZE = 65_536;

  /** What the worker does when the transport's channels change under it. */
  public interface Owner {

    /** The peer opened a channel with DCEP: make it a data producer and say so. */
    void peerOpened(TransportData data, DataChannelParameters channel);

    /** A stream's channel closed (peer reset or association end) under its producer/consumer. */
    void streamClosed(TransportData data, int streamId, String reason);
  }

  private final WebRtcTransport transport;
  private final TransportHost host;
  private final DtlsSession dtls;
  private final Owner owner;
  private final SctpParameters remote;
  private final boolean emitMessages;
  private final StreamBindings bindings = new StreamBindings();
  private SctpAssociation sctp;
  private DataChannels channels;
  private AssociationTimer timer;
  private boolean closing;
  private String state = "NEW";
  private long packetsIn;
  private long packetsDropped;
  private long messagesWithoutProducer;

  TransportData(
      WebRtcTransport transport,
      TransportHost host,
      DtlsSession dtls,
      Owner owner,
      SctpParameters remote,
      boolean emitMessages) {
    this.transport = transport;
    this.host = host;
    this.dtls = dtls;
    this.owner = owner;
    this.remote = remote;
    this.emitMessages = emitMessages;
  }

  @Override
  public dev.sfumato.engine.api.TransportId id() {
    return transport.id();
  }

  public WebRtcTransport transport() {
    return transport;
  }

  /** Message events on: data producers keep no backlog. */
  public boolean emitMessages() {
    return emitMessages;
  }

  /** Builds the association once our DTLS role is known (RFC 8832 §6 stream-id parity). */
  void build(DtlsRole role) {
    if (sctp != null || closing) {
      return;
    }
    channels = new DataChannels(role, this);
    SctpConfig config =
        SctpConfig.webRtc()
            .withPorts(LOCAL.port(), remote.port())
            .withMaxMessageSize(LOCAL.maxMessageSize())
            .withMtu(SCTP_MTU);
    sctp = new SctpAssociation(config, this::sendPacket, channels);
    channels.attach(sctp);
    timer = new AssociationTimer(host, sctp);
    sctp.peerMaxMessageSize(
        remote.maxMessageSize() == 0 ? DEFAULT_PEER_MAX_MESSAGE_SIZE : remote.maxMessageSize());
  }

  /** DTLS is connected: send our INIT (both peers do, RFC 8261 §6). */
  void start() {
    if (sctp == null || closing || sctp.state() != SctpState.CLOSED) {
      return;
    }
    sctp.connect();
    emitState("CONNECTING");
    timer.arm();
  }

  /** One SCTP packet out of DTLS; malformed input is counted by the association. */
  void receive(byte[] packet) {
    if (sctp == null || closing) {
      packetsDropped++;
      return;
    }
    packetsIn++;
    sctp.receive(packet, 0, packet.length);
    timer.arm();
  }

  /** The association's output: one DTLS record per SCTP packet, encrypted on this thread. */
  private void sendPacket(byte[] buf, int off, int len) {
    if (len > dtls.applicationSendLimit() || !dtls.send(buf, off, len)) {
      packetsDropped++; // SCTP retransmits; DTLS closing reports itself
    }
  }

  // ---- channels for producers and consumers (worker thread) ----

  /**
   * The channel a data producer reads: a negotiated stream (registered if new) or the peer's.
   *
   * @throws IllegalArgumentException for stream id -1, a stream with a producer, a closing one
   */
  public DataChannelParameters produceOn(DataChannelParameters channel) {
    requireBuilt();
    bindings.produceOn(channels, channel);
    return channel;
  }

  /**
   * The channel a data consumer sends on: a new one opened with DCEP for stream id -1 (the returned
   * parameters carry its id), else the peer's channel or a negotiated one.
   *
   * @throws IllegalArgumentException when the stream has a consumer, is closing, or none is free
   */
  public DataChannelParameters consumeOn(DataChannelParameters channel) {
    requireBuilt();
    DataChannelParameters bound = bindings.consumeOn(channels, channel);
    if (channel.streamId() < 0) {
      timer.arm(); // its DATA_CHANNEL_OPEN waits in the association
    }
    return bound;
  }

  private void requireBuilt() {
    if (closing) {
      throw new IllegalArgumentException("transport is closing");
    }
    if (sctp == null) {
      throw new IllegalArgumentException(
          "connect the transport first: the DTLS role decides the stream ids (RFC 8832 §6)");
    }
    if (sctp.state().compareTo(SctpState.ESTABLISHED) > 0) {
      throw new IllegalArgumentException("the SCTP association has ended");
    }
  }

  public void addProducer(DataProducer p) {
    bindings.add(p);
  }

  public void addConsumer(DataConsumer c) {
    bindings.add(c);
  }

  /** The producer left; the channel closes once nothing uses its stream (RFC 8831 §6.7). */
  public void removeProducer(DataProducer p) {
    if (bindings.remove(p)) {
      release(p.streamId());
    }
  }

  public void removeConsumer(DataConsumer c) {
    if (bindings.remove(c)) {
      release(c.streamId());
    }
  }

  private void release(int streamId) {
    if (closing || sctp == null || !bindings.unused(streamId)) {
      return;
    }
    channels.close(streamId);
    timer.arm();
  }

  public DataProducer producerOn(int streamId) {
    return bindings.producer(streamId);
  }

  public DataConsumer consumerOn(int streamId) {
    return bindings.consumer(streamId);
  }

  public List<DataProducer> producers() {
    return bindings.producers();
  }

  public List<DataConsumer> consumers() {
    return bindings.consumers();
  }

  // ---- DataTransport (data consumers send through here) ----

  @Override
  public SendStatus sendMessage(int streamId, boolean binary, byte[] data, SendOptions options) {
    if (sctp == null || closing) {
      return SendStatus.CLOSED;
    }
    SendStatus s = channels.send(streamId, data, binary, options);
    timer.arm();
    return s;
  }

  @Override
  public long bufferedAmount() {
    return sctp == null ? 0 : sctp.bufferedAmount();
  }

  // ---- DataChannelListener (inside sctp.receive, onTimer or a send) ----

  @Override
  public void ready() {
    emitState("CONNECTED");
  }

  @Override
  public void opened(DataChannel channel) {
    if (channel.remote() && !closing && bindings.producer(channel.id()) == null) {
      owner.peerOpened(this, ChannelParameters.parameters(channel));
    }
  }

  @Override
  public void message(DataChannel channel, byte[] data, boolean binary) {
    DataProducer p = bindings.producer(channel.id());
    if (p == null) {
      messagesWithoutProducer++; // e.g. the peer answering on a channel we opened to send
      return;
    }
    if (emitMessages) {
      // the event's payload belongs to its receiver; consumers' associations read the original
      byte[] payload = p.hasConsumers() ? data.clone() : data;
      host.emit(new EngineEvent.DataMessage(p.id(), transport.id(), binary, payload));
    }
    p.receive(binary, data);
  }

  @Override
  public void closed(DataChannel channel) {
    if (!closing) {
      boolean ended = sctp.state() == SctpState.TERMINATED;
      owner.streamClosed(
          this, channel.id(), ended ? "sctp association ended" : "channel closed by peer");
    }
  }

  @Override
  public void associationClosed(SctpCloseReason reason) {
    emitState(closing || reason == SctpCloseReason.SHUTDOWN ? "CLOSED" : "FAILED");
  }

  // ---- close, stats ----

  /**
   * The transport closes: ABORT (RFC 9260 §9.1; a SHUTDOWN could not finish before DTLS goes).
   * Idempotent; the caller closes the producers and consumers, whose streams are not reset then.
   */
  public void close() {
    if (closing) {
      return;
    }
    closing = true;
    if (timer != null) {
      timer.stop();
    }
    if (sctp != null) {
      sctp.abort(); // reports associationClosed, which says CLOSED
    } else {
      emitState("CLOSED");
    }
  }

  private void emitState(String next) {
    if (!next.equals(state)) {
      state = next;
      host.emit(new EngineEvent.SctpStateChanged(transport.id(), next));
    }
  }

  public String state() {
    return state;
  }

  /** The SCTP counters of transport stats; every key present, zero without SCTP. */
  static void stats(TransportData d, Map<String, Long> m) {
    SctpAssociation a = d == null ? null : d.sctp;
    long drops = 0;
    if (a != null) {
      for (SctpDrop r : SctpDrop.values()) {
        drops += a.drops(r);
      }
    }
    m.put("sctpConnected", d != null && d.state.equals("CONNECTED") ? 1L : 0L);
    m.put("sctpPacketsIn", d == null ? 0 : d.packetsIn);
    m.put("sctpPacketsOut", a == null ? 0 : a.packetsSent());
    m.put("sctpPacketsDropped", d == null ? 0 : d.packetsDropped);
    m.put("sctpMalformedDropped", a == null ? 0 : a.drops(SctpDrop.MALFORMED_PACKET));
    m.put("sctpInputDropped", drops);
    m.put("sctpRetransmissions", a == null ? 0 : a.retransmissions());
    m.put("sctpAbandonedMessages", a == null ? 0 : a.abandonedMessages());
    m.put("sctpBufferedAmount", a == null ? 0 : a.bufferedAmount());
    m.put("sctpMessagesWithoutProducer", d == null ? 0 : d.messagesWithoutProducer);
    m.put("dataProducers", d == null ? 0 : (long) d.bindings.producerCount());
    m.put("dataConsumers", d == null ? 0 : (long) d.bindings.consumerCount());
  }
}
