package dev.sfumato.engine.sctp;

import java.security.SecureRandom;
import java.util.function.LongSupplier;

/**
 * One SCTP association (RFC 9260) as WebRTC runs it over DTLS (RFC 8261), sans I/O: the caller
 * feeds packets that came out of DTLS to {@link #receive}, polls {@link #nextTimeoutNanos} and
 * calls {@link #onTimer}; packets go out through {@link SctpOutput}, events through {@link
 * SctpListener}. No threads, no locks: one thread (the transport's worker) drives everything.
 *
 * <p>Both WebRTC peers call {@link #connect}; the crossing INITs resolve per §5.2.1 because this
 * association uses one Initiate Tag for its INIT and every INIT ACK. An INIT creates no state: the
 * INIT ACK carries a {@link StateCookie} signed with a per-association secret, checked before a
 * COOKIE ECHO creates anything (§5.1.3, §5.1.5).
 *
 * <p>Callbacks may call back in ({@link #send}, {@link #resetStream}); packets then go out when the
 * outer call returns. {@link SctpOutput#send} must not call back in synchronously.
 */
public final class SctpAssociation {

  private final SctpConfig config;
  final SctpListener listener;
  private final LongSupplier clock;
  final PacketWriter writer;
  final RtoEstimator rto;
  final OutboundQueue outbound;
  final InboundTsns inbound = new InboundTsns();
  final Reassembly reassembly;
  final StreamResets resets = new StreamResets();
  private final StateCookie cookie;
  private final ChunkHandler handler;
  private final HandshakeTimer handshake;
  private final ShutdownSequence shutdownSequence;
  private final long[] drops = new long[SctpDrop.values().length];

  SctpState state = SctpState.CLOSED;
  final int localTag;
  final int localInitialTsn;
  int peerTag;
  int peerMaxMessageSize;
  boolean peerForwardTsn;

  /** The COOKIE ECHO we resend on T1-cookie (§5.1 C). */
  byte[] echoCookie;

  /** From the INIT ACK, applied when the COOKIE ACK arrives. */
  int inboundPeerInitialTsn;

  long inboundPeerRwnd;

  /** §5.1.1: we may use no more outbound streams than the peer's MIS; ours until it is known. */
  int outboundStreams;

  private long sackDeadline = Long.MAX_VALUE;
  boolean sackNow;
  private int dataPacketsUnacked;
  private int depth;

  private final SackChunk sack = new SackChunk();
  private final ForwardTsnChunk forwardTsn = new ForwardTsnChunk();
  private final ReconfigChunk reconfig = new ReconfigChunk();
  private final ErrorCauseChunk abortChunk = new ErrorCauseChunk();

  /** A production association on the system clock with a random cookie secret. */
  public SctpAssociation(SctpConfig config, SctpOutput output, SctpListener listener) {
    this(config, output, listener, System::nanoTime, new SecureRandom());
  }

  /** With an injected monotonic nanosecond clock and randomness (tests, fuzzing). */
  public SctpAssociation(
      SctpConfig config,
      SctpOutput output,
      SctpListener listener,
      LongSupplier clock,
      java.util.Random random) {
    this.config = config;
    this.listener = listener;
    this.clock = clock;
    this.writer = new PacketWriter(config.mtu(), output);
    writer.ports(config.localPort(), config.remotePort());
    this.rto = new RtoEstimator(config);
    this.outbound = new OutboundQueue(config, rto);
    this.reassembly = new Reassembly(listener, config.maxMessageSize());
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    this.cookie = new StateCookie(secret);
    int tag;
    do {
      tag = random.nextInt();
    } while (tag == 0); // §5.1: never 0
    this.localTag = tag;
    this.localInitialTsn = random.nextInt();
    this.peerMaxMessageSize = config.maxMessageSize();
    this.outboundStreams = config.streams();
    outbound.init(localInitialTsn, config.receiveWindow());
    this.handler = new ChunkHandler(this, config, cookie);
    this.handshake = new HandshakeTimer(this, config, handler);
    this.shutdownSequence = new ShutdownSequence(this, config, clock);
  }

  // ---- public API -------------------------------------------------------------------------

  /** Sends our INIT (§5.1 A). WebRTC: both sides call this once DTLS is up (RFC 8261 §6). */
  public void connect() {
    if (state != SctpState.CLOSED) {
      return;
    }
    long now = clock.getAsLong();
    state = SctpState.COOKIE_WAIT;
    handshake.start(now);
    handler.sendInit();
    writer.flush();
  }

  /** One SCTP packet out of DTLS. Malformed or unexpected input is a counted drop. */
  public void receive(byte[] buf, int off, int len) {
    if (state == SctpState.TERMINATED) {
      drop(SctpDrop.AFTER_CLOSE);
      handler.afterClose(buf, off, len);
      return;
    }
    long now = clock.getAsLong();
    depth++;
    try {
      handler.packet(buf, off, len, now);
    } finally {
      depth--;
    }
    flush(now);
  }

  /** The peer's {@code a=max-message-size} (RFC 8841 §6); 0 means "no limit" and keeps ours. */
  public void peerMaxMessageSize(int size) {
    peerMaxMessageSize = size <= 0 ? Integer.MAX_VALUE : size;
  }

  /**
   * Queues one message; the array is owned by the association from now on. Allowed before the
   * association is established (it then goes out once it is).
   */
  public SendStatus send(int streamId, int ppid, byte[] data, SendOptions options) {
    if (state.compareTo(SctpState.ESTABLISHED) > 0) {
      return SendStatus.CLOSED;
    }
    if (streamId < 0 || streamId >= outboundStreams) {
      return SendStatus.BAD_STREAM;
    }
    if (data.length > peerMaxMessageSize || data.length > config.sendBufferLimit()) {
      return SendStatus.TOO_LARGE;
    }
    long now = clock.getAsLong();
    if (!outbound.offer(streamId, ppid, data, options, now)) {
      return SendStatus.BUFFER_FULL;
    }
    flush(now);
    return SendStatus.OK;
  }

  /** Bytes queued or in flight and not yet acknowledged (RTCDataChannel.bufferedAmount). */
  public long bufferedAmount() {
    return outbound.bufferedAmount();
  }

  /** Resets our outgoing stream (RFC 6525 §5.1.2) once its queued data has TSNs. */
  public void resetStream(int streamId) {
    if (state.compareTo(SctpState.ESTABLISHED) > 0 || streamId < 0 || streamId > 0xFFFF) {
      return;
    }
    resets.request(streamId);
    flush(clock.getAsLong());
  }

  /** Graceful close (§9.2): SHUTDOWN once everything sent is acknowledged. */
  public void shutdown() {
    if (state == SctpState.ESTABLISHED) {
      state = SctpState.SHUTDOWN_PENDING;
      flush(clock.getAsLong());
    } else if (state.compareTo(SctpState.ESTABLISHED) < 0) {
      abort();
    }
  }

  /** Sends ABORT (§9.1) when the peer's tag is known, and terminates. */
  public void abort() {
    abortWith(ErrorCauseChunk.CAUSE_USER_INITIATED_ABORT, SctpCloseReason.ABORTED_LOCALLY);
  }

  public long nextTimeoutNanos() {
    long t = Math.min(handshake.deadline(), shutdownSequence.deadline());
    t = Math.min(t, sackDeadline);
    t = Math.min(t, resets.deadline());
    return Math.min(t, state == SctpState.TERMINATED ? Long.MAX_VALUE : outbound.t3Deadline());
  }

  /** Runs the timers due at {@code nowNanos} (T1, T2, T3-rtx, delayed SACK, RE-CONFIG). */
  public void onTimer(long nowNanos) {
    if (state == SctpState.TERMINATED) {
      return;
    }
    if (nowNanos >= handshake.deadline() && !handshake.onTimer(nowNanos)) {
      return;
    }
    if (nowNanos >= shutdownSequence.deadline() && !shutdownSequence.onTimer(nowNanos)) {
      return;
    }
    if (nowNanos >= sackDeadline) {
      sackNow = true;
    }
    resets.onTimer(nowNanos);
    if (!outbound.onT3(nowNanos, config.maxRetransmissions())) {
      abortWith(ErrorCauseChunk.CAUSE_PROTOCOL_VIOLATION, SctpCloseReason.PEER_UNREACHABLE);
      return;
    }
    flush(nowNanos);
  }

  public SctpState state() {
    return state;
  }

  public long drops(SctpDrop reason) {
    return drops[reason.ordinal()];
  }

  public long retransmissions() {
    return outbound.retransmissions();
  }

  public long abandonedMessages() {
    return outbound.abandonedMessages();
  }

  public long packetsSent() {
    return writer.packetsSent();
  }

  /** Congestion window in bytes (for stats and tests). */
  public long congestionWindow() {
    return outbound.congestion().cwnd();
  }

  // ---- package-private: used by ChunkHandler ---------------------------------------------

  void drop(SctpDrop reason) {
    drops[reason.ordinal()]++;
  }

  /** Our a_rwnd: the receive window less what reassembly and ordering hold (§6.2). */
  int advertisedWindow() {
    return (int) Math.max(0, config.receiveWindow() - reassembly.bytesHeld());
  }

  /** COOKIE ECHO sent: T1-cookie restarts (§5.1 C). */
  void cookieEchoed(long now) {
    state = SctpState.COOKIE_ECHOED;
    handshake.start(now);
  }

  /** §5.1 D/E: the association is up; both sides' parameters are set by the caller. */
  void established(int peerInitialTsn, long peerRwnd) {
    state = SctpState.ESTABLISHED;
    handshake.stop();
    inbound.init(peerInitialTsn);
    outbound.congestion().init(peerRwnd);
    resets.init(localInitialTsn, peerInitialTsn);
    listener.associationEstablished();
  }

  /** A packet with DATA was taken in: SACK every second packet or after the delay (§6.2). */
  void dataPacketReceived(long now) {
    if (++dataPacketsUnacked >= 2) {
      sackNow = true;
    } else if (sackDeadline == Long.MAX_VALUE) {
      sackDeadline = now + config.delayedSackMillis() * 1_000_000L;
    }
  }

  /** The peer started SHUTDOWN (§9.2). */
  void shutdownReceived() {
    shutdownSequence.received();
  }

  void terminate(SctpCloseReason reason) {
    if (state == SctpState.TERMINATED) {
      return;
    }
    state = SctpState.TERMINATED;
    handshake.stop();
    shutdownSequence.stop();
    sackDeadline = Long.MAX_VALUE;
    listener.closed(reason);
  }

  void abortWith(int cause, SctpCloseReason reason) {
    if (state == SctpState.TERMINATED) {
      return;
    }
    if (peerTag != 0) {
      writer.flush();
      writer.tag(peerTag);
      writer.add(abortChunk.set(true, cause, new byte[0], 0, 0));
      writer.flush();
    }
    terminate(reason);
  }

  // ---- sending ----------------------------------------------------------------------------

  /** Bundles SACK, FORWARD TSN, RE-CONFIG and DATA into packets, then drives SHUTDOWN (§6.10). */
  void flush(long now) {
    if (depth > 0 || state == SctpState.TERMINATED) {
      return;
    }
    if (state.compareTo(SctpState.ESTABLISHED) >= 0) {
      writer.tag(peerTag);
      if (sackNow) {
        inbound.fillSack(sack, advertisedWindow());
        writer.add(sack);
        sackNow = false;
        dataPacketsUnacked = 0;
        sackDeadline = Long.MAX_VALUE;
      }
      if (outbound.takeForwardTsn(forwardTsn, now) && peerForwardTsn) {
        writer.add(forwardTsn);
      }
      if (state != SctpState.SHUTDOWN_ACK_SENT && state != SctpState.SHUTDOWN_SENT) {
        if (resets.takeRequest(reconfig, outbound, now, rto.rtoNanos())) {
          writer.add(reconfig);
        }
        outbound.fill(writer, now);
      }
    }
    writer.flush();
    if (outbound.idle()) {
      shutdownSequence.outboundIdle(now);
    }
  }
}
