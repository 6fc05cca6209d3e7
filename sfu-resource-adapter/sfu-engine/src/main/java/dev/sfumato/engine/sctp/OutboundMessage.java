package dev.sfumato.engine.sctp;

/**
 * One user message on its way out and its fragments in flight (RFC 9260 §6.9 fragmentation, RFC
 * 3758 abandonment). Mutable and confined to the association's thread.
 */
final class OutboundMessage {

  final int streamId;
  final int ppid;
  final boolean unordered;
  final int maxRetransmits;

  /** {@link Long#MAX_VALUE} without a lifetime limit. */
  final long expiresAtNanos;

  final byte[] data;

  /** Bytes already cut into fragments (which have TSNs). */
  int fragmented;

  int ssn;
  boolean abandoned;

  OutboundMessage(int streamId, int ppid, byte[] data, SendOptions o, long nowNanos) {
    this.streamId = streamId;
    this.ppid = ppid;
    this.data = data;
    this.unordered = o.unordered();
    this.maxRetransmits = o.maxRetransmits();
    this.expiresAtNanos =
        o.maxLifetimeMillis() < 0 ? Long.MAX_VALUE : nowNanos + o.maxLifetimeMillis() * 1_000_000L;
  }

  /** One DATA chunk of a message: TSN, payload slice and retransmission bookkeeping (§6.3). */
  static final class Fragment {
    final OutboundMessage msg;
    final int tsn;
    final int off;
    final int len;
    final int flags;
    long sentAtNanos;
    int transmissions;

    /** Counts toward flight size: sent and neither acked, abandoned nor queued for resend. */
    boolean inFlight;

    boolean acked;
    boolean retransmit;
    boolean fastRetransmitted;
    boolean abandoned;

    /** Karn's rule (§6.3.1 C5): only a chunk sent once may give an RTT sample. */
    boolean rttProbe;

    int missReports;

    Fragment(OutboundMessage msg, int tsn, int off, int len, int flags) {
      this.msg = msg;
      this.tsn = tsn;
      this.off = off;
      this.len = len;
      this.flags = flags;
    }
  }
}
