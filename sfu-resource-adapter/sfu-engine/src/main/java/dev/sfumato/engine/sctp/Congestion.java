package dev.sfumato.engine.sctp;

/**
 * RFC 9260 §7.2 congestion control of the one path WebRTC uses: slow start and congestion avoidance
 * on cwnd/ssthresh (§7.2.1, §7.2.2), the reaction to loss by fast retransmit with fast recovery
 * (§7.2.4) and by T3-rtx expiry (§7.2.3), and the peer's receive window (§6.1 rule A). Bytes
 * throughout; flight size is kept by {@link OutboundQueue}.
 */
final class Congestion {

  private final int mtu;
  private long cwnd;
  private long ssthresh;
  private long partialBytesAcked;
  private long peerRwnd;
  private boolean fastRecovery;
  private int fastRecoveryExitTsn;

  Congestion(int mtu) {
    this.mtu = mtu;
    this.cwnd = Math.min(4L * mtu, Math.max(2L * mtu, 4380)); // §7.2.1 initial cwnd
    this.ssthresh = Long.MAX_VALUE;
  }

  /** §7.2.1: ssthresh starts at the peer's a_rwnd. */
  void init(long peerARwnd) {
    this.ssthresh = peerARwnd;
    this.peerRwnd = peerARwnd;
  }

  long cwnd() {
    return cwnd;
  }

  long ssthresh() {
    return ssthresh;
  }

  boolean inFastRecovery() {
    return fastRecovery;
  }

  /** §6.1 A/B: may a new chunk of {@code len} bytes go out with {@code flight} outstanding? */
  boolean canSend(long flight, int len) {
    if (flight == 0) {
      return true; // §6.1 A: one chunk may always probe a zero window; B: cwnd >= 1 MTU
    }
    return flight < cwnd && flight + len <= peerRwnd;
  }

  /**
   * §6.2.1 D: the a_rwnd of a SACK. It counts what the peer holds, not what is still on the wire,
   * so {@link #canSend} subtracts the outstanding bytes.
   */
  void peerWindow(long aRwnd) {
    peerRwnd = aRwnd;
  }

  /**
   * §7.2.1/§7.2.2 on a SACK that advanced the cumulative ack by {@code acked} bytes; growth only
   * when the window was in use ({@code flightBefore >= cwnd}) and never during fast recovery.
   */
  void onCumulativeAck(long acked, long flightBefore, int cumTsn) {
    if (fastRecovery && !Be.tsnLt(cumTsn, fastRecoveryExitTsn)) {
      fastRecovery = false;
    }
    if (fastRecovery || acked == 0) {
      return;
    }
    if (cwnd <= ssthresh) {
      if (flightBefore + acked >= cwnd) {
        cwnd += Math.min(acked, mtu);
      }
      return;
    }
    partialBytesAcked += acked;
    if (partialBytesAcked >= cwnd && flightBefore + acked >= cwnd) {
      partialBytesAcked -= cwnd;
      cwnd += mtu;
    }
  }

  /** §7.2.4: the first fast retransmit of a loss episode halves the window once. */
  void onFastRetransmit(int highestOutstandingTsn) {
    if (fastRecovery) {
      return;
    }
    fastRecovery = true;
    fastRecoveryExitTsn = highestOutstandingTsn;
    ssthresh = Math.max(cwnd / 2, 4L * mtu);
    cwnd = ssthresh;
    partialBytesAcked = 0;
  }

  /** §7.2.3: a T3-rtx expiry collapses the window to one MTU. */
  void onTimeout() {
    ssthresh = Math.max(cwnd / 2, 4L * mtu);
    cwnd = mtu;
    partialBytesAcked = 0;
    fastRecovery = false;
  }
}
