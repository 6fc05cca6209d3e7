package dev.sfumato.engine.sctp;

import java.util.function.LongSupplier;

/**
 * The graceful close of RFC 9260 §9.2 after it started (our {@code shutdown()} or the peer's
 * SHUTDOWN): SHUTDOWN or SHUTDOWN ACK once nothing we sent is outstanding, crossing SHUTDOWNs, and
 * the T2-shutdown timer that resends them until Association.Max.Retrans. Its own class so that
 * {@link SctpAssociation} keeps the data transfer and this the way out of it. Association's thread
 * only.
 */
final class ShutdownSequence {

  private final SctpAssociation a;
  private final SctpConfig config;
  private final LongSupplier clock;
  private final ShutdownChunk shutdownChunk = new ShutdownChunk();
  private final BareChunk bare = new BareChunk();
  private long t2Deadline = Long.MAX_VALUE;
  private int t2Count;

  ShutdownSequence(SctpAssociation a, SctpConfig config, LongSupplier clock) {
    this.a = a;
    this.config = config;
    this.clock = clock;
  }

  /** The peer started SHUTDOWN (§9.2). */
  void received() {
    if (a.state == SctpState.ESTABLISHED || a.state == SctpState.SHUTDOWN_PENDING) {
      a.state = SctpState.SHUTDOWN_RECEIVED;
    } else if (a.state == SctpState.SHUTDOWN_SENT) {
      sendShutdownAck(clock.getAsLong()); // §9.2: crossing SHUTDOWNs
    }
  }

  /** Everything we sent is acknowledged: the pending side of a shutdown may go on. */
  void outboundIdle(long now) {
    if (a.state == SctpState.SHUTDOWN_PENDING) {
      sendShutdown(now);
    } else if (a.state == SctpState.SHUTDOWN_RECEIVED) {
      sendShutdownAck(now);
    }
  }

  long deadline() {
    return t2Deadline;
  }

  /** Terminated. */
  void stop() {
    t2Deadline = Long.MAX_VALUE;
  }

  /** §9.2: T2-shutdown resends SHUTDOWN or SHUTDOWN ACK; false when given up. */
  boolean onTimer(long now) {
    t2Deadline = Long.MAX_VALUE;
    if (++t2Count > config.maxRetransmissions()) {
      a.abortWith(ErrorCauseChunk.CAUSE_PROTOCOL_VIOLATION, SctpCloseReason.PEER_UNREACHABLE);
      return false;
    }
    a.rto.backOff();
    if (a.state == SctpState.SHUTDOWN_SENT) {
      sendShutdown(now);
    } else if (a.state == SctpState.SHUTDOWN_ACK_SENT) {
      sendShutdownAck(now);
    }
    return true;
  }

  private void sendShutdown(long now) {
    shutdownChunk.cumulativeTsnAck = a.inbound.cumulativeTsn();
    send(SctpState.SHUTDOWN_SENT, shutdownChunk, now);
  }

  private void sendShutdownAck(long now) {
    send(SctpState.SHUTDOWN_ACK_SENT, bare.set(ChunkType.SHUTDOWN_ACK, 0), now);
  }

  /** Moves to {@code next}, sends {@code chunk} and (re)starts T2-shutdown. */
  private void send(SctpState next, SctpChunk chunk, long now) {
    a.state = next;
    a.writer.tag(a.peerTag);
    a.writer.add(chunk);
    a.writer.flush();
    if (t2Deadline == Long.MAX_VALUE) {
      t2Count = 0;
    }
    t2Deadline = now + a.rto.rtoNanos();
  }
}
