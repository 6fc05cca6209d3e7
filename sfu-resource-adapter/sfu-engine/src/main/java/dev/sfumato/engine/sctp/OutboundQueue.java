package dev.sfumato.engine.sctp;

import dev.sfumato.engine.sctp.OutboundMessage.Fragment;

/**
 * The sending half of an association: a bounded queue of user messages, cut into DATA chunks as the
 * congestion and receive windows open (RFC 9260 §6.1, §6.9), the chunks in flight until the
 * cumulative ack passes them, SACK processing with gap blocks and fast retransmit (§6.2.1, §7.2.4),
 * the T3-rtx timer (§6.3). The chunks in flight are {@link InFlight}; RFC 3758 abandonment with its
 * Advanced.Peer.Ack.Point (§3.5) is {@link Abandonment}.
 */
final class OutboundQueue {

  private final SendQueue queue = new SendQueue();

  /** Fragments with TSNs above the peer's cumulative ack, in TSN order. */
  private final InFlight inflight;

  private final Abandonment abandonment;

  private final DataChunk data = new DataChunk();
  private final Congestion cc;
  private final RtoEstimator rto;
  private final long bufferLimit;

  private int nextTsn;
  private int cumAck;
  private long buffered;
  private long t3Deadline = Long.MAX_VALUE;
  private int consecutiveTimeouts;
  private long retransmissions;

  /** Bytes newly acked by the gap blocks of the SACK being processed. */
  private long highestNewlyBytes;

  OutboundQueue(SctpConfig config, RtoEstimator rto) {
    this.cc = new Congestion(config.mtu());
    this.rto = rto;
    this.inflight = new InFlight(rto);
    this.abandonment = new Abandonment(inflight);
    this.bufferLimit = config.sendBufferLimit();
  }

  void init(int initialTsn, long peerARwnd) {
    nextTsn = initialTsn;
    cumAck = initialTsn - 1;
    abandonment.init(cumAck);
    cc.init(peerARwnd);
  }

  /** False when the message would take the buffer past its limit (the caller retries later). */
  boolean offer(int streamId, int ppid, byte[] msg, SendOptions o, long now) {
    if (buffered + msg.length > bufferLimit && buffered > 0) {
      return false;
    }
    queue.add(new OutboundMessage(streamId, ppid, msg, o, now));
    buffered += msg.length;
    return true;
  }

  long bufferedAmount() {
    return buffered;
  }

  boolean idle() {
    return queue.isEmpty() && inflight.isEmpty();
  }

  /** The messages that have no TSN yet (stream reset needs them). */
  SendQueue queue() {
    return queue;
  }

  int lastAssignedTsn() {
    return nextTsn - 1;
  }

  int cumulativeAck() {
    return cumAck;
  }

  long t3Deadline() {
    return t3Deadline;
  }

  Congestion congestion() {
    return cc;
  }

  long retransmissions() {
    return retransmissions;
  }

  long abandonedMessages() {
    return abandonment.abandonedMessages();
  }

  /** Writes retransmissions, then new DATA, as far as the windows allow (§6.1, §7.2). */
  void fill(PacketWriter w, long now) {
    boolean sent = false;
    for (Fragment f : inflight) {
      if (!f.retransmit || f.acked || f.abandoned) {
        continue;
      }
      if (Abandonment.expired(f.msg, now)) {
        buffered -= abandonment.abandon(f.msg);
        continue;
      }
      // §7.2.4 step 3: a fast retransmit goes out regardless of cwnd
      if (!f.fastRetransmitted && !cc.canSend(inflight.bytes(), f.len)) {
        break;
      }
      transmit(w, f, now);
      retransmissions++;
      sent = true;
    }
    OutboundMessage m;
    while ((m = queue.peek()) != null) {
      if (m.abandoned || (m.fragmented == 0 && Abandonment.expired(m, now))) {
        queue.poll();
        buffered -= abandonment.dropQueued(m);
        continue;
      }
      int len = Math.min(m.data.length - m.fragmented, w.maxChunk() - DataChunk.HEADER_LENGTH);
      if (!cc.canSend(inflight.bytes(), len)) {
        break;
      }
      transmit(w, cut(m, len), now);
      sent = true;
    }
    abandonment.advanceAckPoint(cumAck);
    if ((sent || !inflight.isEmpty()) && t3Deadline == Long.MAX_VALUE) {
      // §6.3.2 R1; and whatever is not yet cumulatively acked keeps a timer running, even when
      // the window allows no resend now (else nothing would ever retry it)
      t3Deadline = now + rto.rtoNanos();
    }
  }

  private Fragment cut(OutboundMessage m, int len) {
    int flags = m.unordered ? DataChunk.FLAG_UNORDERED : 0;
    if (m.fragmented == 0) {
      flags |= DataChunk.FLAG_BEGIN;
      if (!m.unordered) {
        m.ssn = queue.takeSsn(m.streamId);
      }
    }
    boolean last = m.fragmented + len == m.data.length;
    if (last) {
      flags |= DataChunk.FLAG_END;
      queue.poll();
    }
    Fragment f = new Fragment(m, nextTsn++, m.fragmented, len, flags);
    m.fragmented += len;
    inflight.add(f);
    return f;
  }

  private void transmit(PacketWriter w, Fragment f, long now) {
    OutboundMessage m = f.msg;
    data.flags = f.flags;
    data.tsn = f.tsn;
    data.streamId = m.streamId;
    data.ssn = m.unordered ? 0 : m.ssn;
    data.ppid = m.ppid;
    data.payload = m.data;
    data.payloadOffset = f.off;
    data.payloadLength = f.len;
    w.add(data);
    inflight.sent(f, now);
  }

  /** §6.2.1 and §7.2: processes one SACK; false when it is stale or acks unsent TSNs. */
  boolean onSack(SackChunk s, long now) {
    int cum = s.cumulativeTsnAck;
    if (Be.tsnLt(cum, cumAck) || !Be.tsnLt(cum, nextTsn)) {
      return false; // §6.2.1 D i: out of order; or a TSN we never sent
    }
    long flightBefore = inflight.bytes();
    long newlyAcked = 0;
    boolean advanced = cum != cumAck;
    while (!inflight.isEmpty() && Be.tsnLe(inflight.peek().tsn, cum)) {
      Fragment f = inflight.poll();
      if (!f.acked && !f.abandoned) {
        newlyAcked += f.len;
        inflight.sample(f, now);
      }
      inflight.release(f);
      if (!f.abandoned || f.acked) {
        buffered -= f.len; // Abandonment.abandon already released unacked abandoned bytes
      }
    }
    cumAck = cum;
    int highestNewly = gapAck(s, cum, now);
    newlyAcked += highestNewlyBytes;
    if (highestNewly != cum) {
      missIndications(highestNewly);
    }
    cc.peerWindow(Integer.toUnsignedLong(s.aRwnd));
    cc.onCumulativeAck(advanced ? newlyAcked : 0, flightBefore, cum);
    abandonment.advanceAckPoint(cumAck);
    // §6.3.2 R2, R3: runs while anything is not cumulatively acked, which includes chunks
    // waiting for a resend and abandoned ones a FORWARD TSN must still clear (RFC 3758 §3.5)
    if (inflight.isEmpty()) {
      t3Deadline = Long.MAX_VALUE;
    } else if (advanced || t3Deadline == Long.MAX_VALUE) {
      t3Deadline = now + rto.rtoNanos();
    }
    if (advanced) {
      consecutiveTimeouts = 0;
    }
    return true;
  }

  /** Marks fragments inside gap ack blocks; returns the highest TSN newly acked by them. */
  private int gapAck(SackChunk s, int cum, long now) {
    highestNewlyBytes = 0;
    int highest = cum;
    int g = 0;
    for (Fragment f : inflight) {
      int off = f.tsn - cum;
      while (g < s.gapCount && s.gapEnd[g] < off) {
        g++;
      }
      if (g == s.gapCount) {
        break;
      }
      if (off >= s.gapStart[g] && !f.acked && !f.abandoned) {
        f.acked = true;
        f.retransmit = false; // the peer has it after all
        highestNewlyBytes += f.len;
        inflight.sample(f, now);
        inflight.release(f);
        highest = f.tsn;
      }
    }
    return highest;
  }

  /** §7.2.4 (with HTNA): three reports below the highest newly acked TSN trigger a resend. */
  private void missIndications(int highestNewly) {
    for (Fragment f : inflight) {
      if (!Be.tsnLt(f.tsn, highestNewly)) {
        break;
      }
      if (f.acked || f.abandoned || f.retransmit || f.fastRetransmitted) {
        continue;
      }
      if (++f.missReports >= 3) {
        f.fastRetransmitted = true;
        cc.onFastRetransmit(nextTsn - 1);
        markForResend(f);
      }
    }
  }

  private void markForResend(Fragment f) {
    OutboundMessage m = f.msg;
    if (m.maxRetransmits >= 0 && f.transmissions > m.maxRetransmits) {
      buffered -= abandonment.abandon(m); // RFC 3758 §4: the retransmission budget is spent
      return;
    }
    inflight.release(f);
    f.retransmit = true;
  }

  /** §6.3.3: T3-rtx expiry. False once Association.Max.Retrans timeouts ran in a row. */
  boolean onT3(long now, int maxRetransmissions) {
    if (now < t3Deadline) {
      return true;
    }
    t3Deadline = Long.MAX_VALUE;
    if (inflight.isEmpty()) {
      return true;
    }
    rto.backOff();
    cc.onTimeout();
    for (Fragment f : inflight) {
      if (!f.acked && !f.abandoned && !f.retransmit) {
        markForResend(f);
      }
    }
    abandonment.onT3(cumAck);
    return ++consecutiveTimeouts <= maxRetransmissions;
  }

  /** Fills a FORWARD TSN if one is due (RFC 3758 §3.5 C2-C4); false otherwise. */
  boolean takeForwardTsn(ForwardTsnChunk out, long now) {
    if (!abandonment.takeForwardTsn(out)) {
      return false;
    }
    if (t3Deadline == Long.MAX_VALUE) {
      t3Deadline = now + rto.rtoNanos(); // resent on T3 until acknowledged
    }
    return true;
  }
}
