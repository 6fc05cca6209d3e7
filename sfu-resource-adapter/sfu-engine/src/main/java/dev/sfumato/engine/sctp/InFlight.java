package dev.sfumato.engine.sctp;

import dev.sfumato.engine.sctp.OutboundMessage.Fragment;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * The DATA chunks with TSNs above the peer's cumulative ack, in TSN order, and what they count for:
 * the flight size (RFC 9260 §6.1: sent and neither acked, abandoned nor waiting for a resend) and
 * the one RTT measurement out at a time (§6.3.1 C4, C5 Karn's rule). Its own class because both
 * {@link OutboundQueue}'s SACK processing and RFC 3758 abandonment ({@link Abandonment}) take
 * fragments out of the flight. Association's thread only.
 */
final class InFlight implements Iterable<Fragment> {

  private final ArrayDeque<Fragment> fragments = new ArrayDeque<>();
  private final RtoEstimator rto;
  private long bytes;
  private boolean rttProbeOut;

  InFlight(RtoEstimator rto) {
    this.rto = rto;
  }

  /** A fragment that just got its TSN (the highest yet). */
  void add(Fragment f) {
    fragments.add(f);
  }

  boolean isEmpty() {
    return fragments.isEmpty();
  }

  Fragment peek() {
    return fragments.peek();
  }

  Fragment poll() {
    return fragments.poll();
  }

  @Override
  public Iterator<Fragment> iterator() {
    return fragments.iterator();
  }

  /** The flight size in bytes. */
  long bytes() {
    return bytes;
  }

  /** {@code f} went out at {@code now}: it counts for the flight and may measure the RTT. */
  void sent(Fragment f, long now) {
    f.transmissions++;
    f.sentAtNanos = now;
    f.retransmit = false;
    f.inFlight = true;
    f.rttProbe = f.transmissions == 1 && !rttProbeOut;
    rttProbeOut |= f.rttProbe;
    bytes += f.len;
  }

  /** {@code f} was acknowledged: an RTT sample if it was the probe and sent once. */
  void sample(Fragment f, long now) {
    if (f.rttProbe) {
      f.rttProbe = false;
      rttProbeOut = false;
      if (f.transmissions == 1) {
        rto.sample(now - f.sentAtNanos);
      }
    }
  }

  /** Takes a fragment out of the flight size. */
  void release(Fragment f) {
    if (f.inFlight) {
      f.inFlight = false;
      bytes -= f.len;
    }
    if (f.rttProbe) {
      f.rttProbe = false;
      rttProbeOut = false;
    }
  }
}
