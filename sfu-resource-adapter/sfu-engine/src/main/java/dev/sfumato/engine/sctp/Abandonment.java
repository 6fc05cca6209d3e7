package dev.sfumato.engine.sctp;

import dev.sfumato.engine.sctp.OutboundMessage.Fragment;

/**
 * Partial reliability on the sending side (RFC 3758): messages abandoned when their lifetime or
 * retransmission budget is spent, the Advanced.Peer.Ack.Point moved over them (§3.5 C1) and the
 * FORWARD TSN that tells the peer (§3.5 C2-C4). Its own class so that {@link OutboundQueue} keeps
 * the reliable transfer (windows, SACKs, T3-rtx) and this what happens when it gives up on a
 * message. Association's thread only.
 */
final class Abandonment {

  private final InFlight inflight;
  private int advancedPeerAck;
  private boolean forwardTsnDue;
  private long abandonedMessages;

  Abandonment(InFlight inflight) {
    this.inflight = inflight;
  }

  void init(int cumAck) {
    advancedPeerAck = cumAck;
  }

  long abandonedMessages() {
    return abandonedMessages;
  }

  static boolean expired(OutboundMessage m, long now) {
    return m.expiresAtNanos != Long.MAX_VALUE && now - m.expiresAtNanos >= 0;
  }

  /**
   * RFC 3758 §3.5 A2: abandons every fragment of a message, sent or not.
   *
   * @return the bytes that leave the send buffer (acked fragments left it already)
   */
  long abandon(OutboundMessage m) {
    if (m.abandoned) {
      return 0;
    }
    m.abandoned = true;
    abandonedMessages++;
    long freed = 0;
    for (Fragment f : inflight) {
      if (f.msg == m && !f.abandoned) {
        inflight.release(f);
        f.abandoned = true;
        f.retransmit = false;
        if (!f.acked) {
          freed += f.len;
        }
      }
    }
    freed += m.data.length - m.fragmented;
    m.fragmented = m.data.length;
    forwardTsnDue = true;
    return freed;
  }

  /**
   * A message dropped from the head of the send queue (expired, or abandoned before): counted once.
   *
   * @return the bytes that leave the send buffer
   */
  long dropQueued(OutboundMessage m) {
    if (m.abandoned) {
      return 0;
    }
    m.abandoned = true;
    abandonedMessages++;
    return m.data.length - m.fragmented;
  }

  /**
   * RFC 3758 §3.5 C1: moves the ack point over abandoned TSNs just above the cumulative ack. It
   * also passes gap-acked chunks that end a message all of whose fragments the peer holds: the peer
   * loses nothing by that, and a lossy tail then needs one FORWARD TSN instead of one per gap (each
   * of which may wait for a backed-off T3 when it is lost).
   */
  void advanceAckPoint(int cumAck) {
    if (Be.tsnLt(advancedPeerAck, cumAck)) {
      advancedPeerAck = cumAck;
    }
    boolean any = false;
    for (Fragment f : inflight) {
      if (Be.tsnLe(f.tsn, advancedPeerAck)) {
        continue;
      }
      if (f.abandoned) {
        advancedPeerAck = f.tsn;
        any = true;
      } else if (!f.acked) {
        break;
      } else if ((f.flags & DataChunk.FLAG_END) != 0 && any) {
        advancedPeerAck = f.tsn; // every fragment since its B is acked or abandoned
      }
    }
    forwardTsnDue &= Be.tsnLt(cumAck, advancedPeerAck);
  }

  /** T3-rtx expired: RFC 3758 §3.5 C, a lost FORWARD TSN goes again. */
  void onT3(int cumAck) {
    if (Be.tsnLt(cumAck, advancedPeerAck)) {
      forwardTsnDue = true;
    }
  }

  /** Fills a FORWARD TSN if one is due (§3.5 C2-C4); false otherwise. */
  boolean takeForwardTsn(ForwardTsnChunk out) {
    if (!forwardTsnDue) {
      return false;
    }
    forwardTsnDue = false;
    out.newCumulativeTsn = advancedPeerAck;
    out.streamCount = 0;
    for (Fragment f : inflight) {
      if (!Be.tsnLe(f.tsn, advancedPeerAck)) {
        break;
      }
      if (!f.msg.unordered) {
        out.skip(f.msg.streamId, f.msg.ssn);
      }
    }
    return true;
  }
}
