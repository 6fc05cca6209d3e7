package dev.sfumato.engine.forward;

/**
 * Sequence-number and timestamp continuity for one consumer (RFC 3550 §5.1: the receiver sees one
 * stream with one SSRC whatever the consumer forwards from). Within an epoch the output is the
 * input plus a fixed offset, so reordering and gaps pass through unchanged and NACKs map back. A
 * new epoch ({@link #resync}) starts on resume and on every switch of the forwarded encoding: its
 * first packet gets the next sequence number after the last one sent, and a timestamp advanced by
 * the wall time since then (at least one tick), so the receiver's jitter buffer sees neither a jump
 * nor a repeat. Packets older than an epoch's first packet are dropped: their numbers belong to the
 * previous mapping. Input sequence numbers are unwrapped to 64 bits (RFC 3550 Appendix A.1's
 * extended sequence number) so that "older" keeps its meaning across every 16-bit wrap, however
 * long the epoch lasts. Worker thread only.
 */
final class SequenceRewriter {

  private final long clockRate;
  private boolean started;
  private boolean resync = true;
  private int seqOffset;
  private long tsOffset;

  /** Extended (unwrapped) input sequence numbers of the epoch's first and highest packet. */
  private long baseIn;

  private long highestIn;
  private int lastOut;
  private long lastOutTs;
  private long lastOutNanos;
  private int outSeq;
  private long outTs;

  SequenceRewriter(int clockRate) {
    this.clockRate = clockRate;
  }

  /** The next packet starts a new epoch. */
  void resync() {
    resync = true;
  }

  boolean hasSent() {
    return started;
  }

  /**
   * Maps one input packet.
   *
   * @return false if the packet is to be dropped (older than the current epoch)
   */
  boolean map(int inSeq, long inTs, long nowNanos) {
    if (resync) {
      if (started) {
        long ticks = Math.max(1, (nowNanos - lastOutNanos) * clockRate / 1_000_000_000L);
        seqOffset = (lastOut + 1 - inSeq) & 0xFFFF;
        tsOffset = (lastOutTs + ticks - inTs) & 0xFFFF_FFFFL;
      } else {
        seqOffset =
            0; // the first epoch keeps the publisher's numbering: nothing to be continuous with
        tsOffset = 0;
      }
      resync = false;
      // a fresh extended number whose low 16 bits are inSeq: only differences within an epoch count
      baseIn = highestIn + 0x1_0000L + (short) (inSeq - (int) highestIn);
      highestIn = baseIn;
    } else {
      long extended = extend(inSeq);
      if (extended < baseIn) {
        return false;
      }
      if (extended > highestIn) {
        highestIn = extended;
      }
    }
    outSeq = (inSeq + seqOffset) & 0xFFFF;
    outTs = (inTs + tsOffset) & 0xFFFF_FFFFL;
    if (!started || (short) (outSeq - lastOut) > 0) {
      started = true;
      lastOut = outSeq;
      lastOutTs = outTs;
      lastOutNanos = nowNanos;
    }
    return true;
  }

  int outSeq() {
    return outSeq;
  }

  long outTs() {
    return outTs;
  }

  /**
   * The input sequence number an output one (from a subscriber's NACK) was made from, or -1 if it
   * belongs to an earlier epoch or was never sent.
   */
  int inputOf(int out) {
    if (!started || resync) {
      return -1;
    }
    int in = (out - seqOffset) & 0xFFFF;
    long extended = extend(in);
    if (extended < baseIn || extended > highestIn) {
      return -1;
    }
    return in;
  }

  /** The extended value of a 16-bit sequence number: the one nearest the highest seen so far. */
  private long extend(int seq) {
    return highestIn + (short) (seq - (int) highestIn);
  }

  /** The output timestamp of an input one, in the current epoch (for a retransmission). */
  long mapTimestamp(long inTs) {
    return (inTs + tsOffset) & 0xFFFF_FFFFL;
  }

  /** The RTP timestamp that corresponds to {@code nowNanos} on the output clock (for an SR). */
  long timestampAt(long nowNanos) {
    return (lastOutTs + (nowNanos - lastOutNanos) * clockRate / 1_000_000_000L) & 0xFFFF_FFFFL;
  }
}
