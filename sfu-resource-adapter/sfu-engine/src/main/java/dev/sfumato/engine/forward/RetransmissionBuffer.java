package dev.sfumato.engine.forward;

/**
 * The last {@link #CAPACITY} plaintext packets of one received stream, by sequence number, so a
 * subscriber's NACK (RFC 4585 §6.2.1) is answered without asking the publisher again.
 *
 * <p>Bounds: 512 packets, about a second of 4 Mbit/s video at ~1000-byte packets, and an age limit
 * of {@link #MAX_AGE_NANOS}: a retransmission older than that reaches the receiver after its jitter
 * buffer gave the frame up, so it only costs bandwidth. Slots are MTU-sized arrays allocated the
 * first time they are used and reused after that: a stream that runs a while allocates nothing per
 * packet, at most 512 × 1500 bytes (750 KiB) per video stream. Worker thread only.
 */
final class RetransmissionBuffer {

  /** Power of two: the slot is the sequence number's low bits. */
  static final int CAPACITY = 512;

  static final long MAX_AGE_NANOS = 1_000_000_000L;

  private final byte[][] slots = new byte[CAPACITY][];
  private final int[] lengths = new int[CAPACITY];
  private final int[] sequences = new int[CAPACITY];
  private final long[] stored = new long[CAPACITY];

  RetransmissionBuffer() {
    java.util.Arrays.fill(sequences, -1);
  }

  /** Keeps a copy of {@code buf[off, off + len)}, the packet with sequence number {@code seq}. */
  void store(int seq, byte[] buf, int off, int len, long nowNanos) {
    if (len > ForwardBuffers.MTU) {
      return;
    }
    int i = seq & (CAPACITY - 1);
    byte[] slot = slots[i];
    if (slot == null) {
      slot = new byte[ForwardBuffers.MTU];
      slots[i] = slot;
    }
    System.arraycopy(buf, off, slot, 0, len);
    lengths[i] = len;
    sequences[i] = seq;
    stored[i] = nowNanos;
  }

  /**
   * Copies packet {@code seq} to {@code out[outOff]}.
   *
   * @return its length, or -1 if it is not held (never received, overwritten, or too old)
   */
  int copy(int seq, long nowNanos, byte[] out, int outOff) {
    int i = seq & (CAPACITY - 1);
    if (sequences[i] != seq || nowNanos - stored[i] > MAX_AGE_NANOS) {
      return -1;
    }
    int len = lengths[i];
    if (out.length - outOff < len) {
      return -1;
    }
    System.arraycopy(slots[i], 0, out, outOff, len);
    return len;
  }
}
