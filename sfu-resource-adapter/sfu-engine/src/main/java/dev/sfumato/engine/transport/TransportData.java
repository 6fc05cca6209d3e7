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
import java.util.ArrayList;
import java.util.HashMap;
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
 * <p>Timers: one worker timer at the association's next deadline, re-armed after every call that
 * may move it earlier (receive, send, timer). Deadlines are exact to the worker's millisecond
 * select, so the 200 ms delayed SACK and the 400 ms minimum RTO keep their meaning, and no
 * transport is ever scanned: an idle association holds at most one pending timer.
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
  private final Map<Integer, DataProducer> producers = new HashMap<>();
  private final Map<Integer, DataConsumer> consumers = new HashMap<>();
  private final Runnable timerTask = this::onTimer;
  private SctpAssociation sctp;
  private DataChannels channels;
  private Runnable cancelTimer;
  private long timerAt;
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
    armTimer();
  }

  /** One SCTP packet out of DTLS; malformed input is counted by the association. */
  void receive(byte[] packet) {
    if (sctp == null || closing) {
      packetsDropped++;
      return;
    }
    packetsIn++;
    sctp.receive(packet, 0, packet.length);
    armTimer();
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
    int id = channel.streamId();
    if (id < 0) {
      throw new IllegalArgumentException("a data producer needs its negotiated stream id");
    }
    if (producers.containsKey(id)) {
      throw new IllegalArgumentException("stream " + id + " already has a data producer");
    }
    useOrNegotiate(channel);
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
    int id = channel.streamId();
    if (id >= 0 && consumers.containsKey(id)) {
      throw new IllegalArgumentException("stream " + id + " already has a data consumer");
    }
    if (id >= 0) {
      useOrNegotiate(channel);
      return channel;
    }
    ChannelParameters.checkLabels(channel);
    try {
      DataChannel ch =
          channels.open(
              channel.label(),
              channel.protocol(),
              ChannelParameters.type(channel),
              ChannelParameters.reliability(channel),
              0);
      armTimer();
      return channel.withStreamId(ch.id());
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException("cannot open a channel: " + e.getMessage(), e);
    }
  }

  private void useOrNegotiate(DataChannelParameters channel) {
    DataChannel ch = channels.channel(channel.streamId());
    if (ch == null) {
      ChannelParameters.checkLabels(channel);
      channels.negotiated(
          channel.streamId(),
          channel.label(),
          channel.protocol(),
          ChannelParameters.type(channel),
          ChannelParameters.reliability(channel));
    } else if (ch.state() == DataChannel.State.CLOSING || ch.state() == DataChannel.State.CLOSED) {
      throw new IllegalArgumentException("stream " + channel.streamId() + " is closing");
    }
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
    producers.put(p.streamId(), p);
  }

  public void addConsumer(DataConsumer c) {
    consumers.put(c.streamId(), c);
  }

  /** The producer left; the channel closes once nothing uses its stream (RFC 8831 §6.7). */
  public void removeProducer(DataProducer p) {
    if (producers.remove(p.streamId(), p)) {
      release(p.streamId());
    }
  }

  public void removeConsumer(DataConsumer c) {
    if (consumers.remove(c.streamId(), c)) {
      release(c.streamId());
    }
  }

  private void release(int streamId) {
    if (closing || sctp == null || producers.containsKey(streamId)) {
      return;
    }
    if (!consumers.containsKey(streamId)) {
      channels.close(streamId);
      armTimer();
    }
  }

  public DataProducer producerOn(int streamId) {
    return producers.get(streamId);
  }

  public DataConsumer consumerOn(int streamId) {
    return consumers.get(streamId);
  }

  public List<DataProducer> producers() {
    return new ArrayList<>(producers.values());
  }

  public List<DataConsumer> consumers() {
    return new ArrayList<>(consumers.values());
  }

  // ---- DataTransport (data consumers send through here) ----

  @Override
  public SendStatus sendMessage(int streamId, boolean binary, byte[] data, SendOptions options) {
    if (sctp == null || closing) {
      return SendStatus.CLOSED;
    }
    SendStatus s = channels.send(streamId, data, binary, options);
    armTimer();
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
    if (channel.remote() && !closing && !producers.containsKey(channel.id())) {
      owner.peerOpened(this, ChannelParameters.parameters(channel));
    }
  }

  @Override
  public void message(DataChannel channel, byte[] data, boolean binary) {
    DataProducer p = producers.get(channel.id());
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

  // ---- timers, close, stats ----

  private void armTimer() {
    if (sctp == null || closing) {
      return;
    }
    long next = sctp.nextTimeoutNanos();
    if (next == Long.MAX_VALUE || (cancelTimer != null && next - timerAt >= 0)) {
      return; // the pending timer fires no later; it re-arms for whatever is due then
    }
    if (cancelTimer != null) {
      cancelTimer.run();
    }
    timerAt = next;
    cancelTimer = host.schedule(next - System.nanoTime(), timerTask);
  }

  private void onTimer() {
    cancelTimer = null;
    if (sctp == null || closing) {
      return;
    }
    long now = System.nanoTime();
    if (now - sctp.nextTimeoutNanos() >= 0) {
      sctp.onTimer(now);
    }
    armTimer();
  }

  /**
   * The transport closes: ABORT (RFC 9260 §9.1; a SHUTDOWN could not finish before DTLS goes).
   * Idempotent; the caller closes the producers and consumers, whose streams are not reset then.
   */
  public void close() {
    if (closing) {
      return;
    }
    closing = true;
    if (cancelTimer != null) {
      cancelTimer.run();
      cancelTimer = null;
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
    m.put("dataProducers", d == null ? 0 : (long) d.producers.size());
    m.put("dataConsumers", d == null ? 0 : (long) d.consumers.size());
  }
}
