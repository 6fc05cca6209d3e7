package dev.sfumato.engine.forward;

import dev.sfumato.engine.rtcp.ReportBlock;

/**
 * One received encoding of a producer (a simulcast layer or the only stream): its SSRCs, what the
 * receiver statistics of RFC 3550 Appendix A need (extended highest sequence A.1, loss A.3,
 * interarrival jitter A.8, the last SR for LSR/DLSR §6.4.1), the gaps to NACK and its
 * retransmission buffer. Worker thread only.
 */
final class ProducerStream {

  /**
   * A jump of more sequence numbers than this is a restart, not loss (RFC 3550 A.1 MAX_DROPOUT).
   */
  private static final int MAX_DROPOUT = 3000;

  /** Gaps longer than this are not NACKed: the frames are lost anyway, a PLI does better. */
  static final int MAX_NACK_GAP = 32;

  final int index;
  final String rid;
  final int rank;
  long ssrc;
  long rtxSsrc;
  final RetransmissionBuffer buffer;

  private final long clockRate;
  private boolean received;
  private int maxSeq;
  private long cycles;
  private long baseSeq;
  private long packets;
  private long bytes;
  private long expectedPrior;
  private long receivedPrior;
  private long jitterQ4; // RFC 3550 A.8 keeps jitter scaled by 16
  private long lastTransit;
  private long lastSrCompact;
  private long lastSrNanos;
  long lastPacketNanos;
  long lastKeyframeNanos = Long.MIN_VALUE;
  long lastKeyframeRequestNanos = Long.MIN_VALUE / 2;
  long nacksSent;
  long keyframeRequests;

  ProducerStream(
      int index, long ssrc, String rid, long rtxSsrc, int rank, int clockRate, boolean video) {
    this.index = index;
    this.ssrc = ssrc;
    this.rid = rid;
    this.rtxSsrc = rtxSsrc;
    this.rank = rank;
    this.clockRate = clockRate;
    this.buffer = video ? new RetransmissionBuffer() : null;
  }

  /**
   * Counts one packet.
   *
   * @return how many sequence numbers are missing right before this one (0 if none, in order, or a
   *     restart), for the caller's NACK
   */
  int receive(int seq, long rtpTs, int length, long nowNanos) {
    packets++;
    bytes += length;
    lastPacketNanos = nowNanos;
    updateJitter(rtpTs, nowNanos);
    if (!received) {
      received = true;
      maxSeq = seq;
      baseSeq = seq;
      return 0;
    }
    int delta = (seq - maxSeq) & 0xFFFF;
    if (delta == 0 || delta >= 0x8000) {
      return 0; // duplicate or reordered: already counted as expected
    }
    if (delta > MAX_DROPOUT) {
      maxSeq = seq; // the sender restarted its numbering
      baseSeq = seq + (cycles << 16);
      expectedPrior = receivedPrior = 0;
      packets = 1;
      return 0;
    }
    if (seq < maxSeq) {
      cycles++;
    }
    maxSeq = seq;
    return delta - 1;
  }

  private void updateJitter(long rtpTs, long nowNanos) {
    long arrival = nowNanos / 1000 * clockRate / 1_000_000L; // in RTP units
    long transit = arrival - rtpTs;
    if (lastTransit != 0 || packets > 1) {
      long d = Math.abs(transit - lastTransit);
      if (d < clockRate * 10L) { // a larger jump is a timestamp reset, not jitter
        jitterQ4 += d - ((jitterQ4 + 8) >> 4);
      }
    }
    lastTransit = transit;
  }

  int maxSeq() {
    return maxSeq;
  }

  boolean hasReceived() {
    return received;
  }

  long packets() {
    return packets;
  }

  long bytes() {
    return bytes;
  }

  /** An SR from the publisher for this SSRC: remembered for LSR/DLSR in our next RR. */
  void onSenderReport(long compactNtp, long nowNanos) {
    lastSrCompact = compactNtp;
    lastSrNanos = nowNanos;
  }

  /** Fills one RR report block, RFC 3550 §6.4.1 and A.3; false if nothing was received yet. */
  boolean fillReport(ReportBlock block, long nowNanos) {
    if (!received) {
      return false;
    }
    long extendedMax = (cycles << 16) + maxSeq;
    long expected = extendedMax - baseSeq + 1;
    long lost = Math.max(0, Math.min(expected - packets, 0x7FFFFF));
    long expectedInterval = expected - expectedPrior;
    long receivedInterval = packets - receivedPrior;
    expectedPrior = expected;
    receivedPrior = packets;
    long lostInterval = expectedInterval - receivedInterval;
    block.ssrc = ssrc;
    block.fractionLost =
        expectedInterval <= 0 || lostInterval <= 0
            ? 0
            : (int) ((lostInterval << 8) / expectedInterval);
    block.cumulativeLost = (int) lost;
    block.extendedHighestSequence = extendedMax & 0xFFFF_FFFFL;
    block.jitter = (jitterQ4 >> 4) & 0xFFFF_FFFFL;
    block.lastSr = lastSrCompact;
    // DLSR in units of 1/65536 s (§6.4.1)
    block.delaySinceLastSr =
        lastSrNanos == 0 ? 0 : ((nowNanos - lastSrNanos) << 16) / 1_000_000_000L;
    return true;
  }

  long cumulativeLost() {
    long expected = (cycles << 16) + maxSeq - baseSeq + 1;
    return received ? Math.max(0, expected - packets) : 0;
  }

  long jitter() {
    return jitterQ4 >> 4;
  }
}
