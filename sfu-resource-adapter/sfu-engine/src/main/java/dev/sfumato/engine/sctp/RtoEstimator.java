package dev.sfumato.engine.sctp;

/**
 * Retransmission timeout of RFC 9260 §6.3.1: SRTT and RTTVAR from RTT samples (alpha 1/8, beta
 * 1/4), RTO = SRTT + 4 RTTVAR clamped to [RTO.Min, RTO.Max], doubled on each T3 expiry (§6.3.3 E2).
 * All in nanoseconds.
 */
final class RtoEstimator {

  private final long minNanos;
  private final long maxNanos;
  private long srtt;
  private long rttvar;
  private long rto;
  private boolean measured;

  RtoEstimator(SctpConfig config) {
    this.minNanos = config.rtoMinMillis() * 1_000_000L;
    this.maxNanos = config.rtoMaxMillis() * 1_000_000L;
    this.rto = config.rtoInitialMillis() * 1_000_000L;
  }

  long rtoNanos() {
    return rto;
  }

  long srttNanos() {
    return srtt;
  }

  /** §6.3.1 C1-C3; the clock granularity G is below a microsecond here and ignored. */
  void sample(long rttNanos) {
    if (rttNanos < 0) {
      return;
    }
    if (!measured) {
      srtt = rttNanos;
      rttvar = rttNanos / 2;
      measured = true;
    } else {
      rttvar = rttvar - (rttvar >> 2) + (Math.abs(srtt - rttNanos) >> 2);
      srtt = srtt - (srtt >> 3) + (rttNanos >> 3);
    }
    rto = clamp(srtt + 4 * rttvar);
  }

  /** §6.3.3 E2: back off after a T3-rtx expiry. */
  void backOff() {
    rto = clamp(rto * 2);
  }

  private long clamp(long v) {
    return Math.max(minNanos, Math.min(maxNanos, v));
  }
}
