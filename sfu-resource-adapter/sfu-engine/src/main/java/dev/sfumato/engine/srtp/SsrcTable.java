package dev.sfumato.engine.srtp;

/**
 * Per-SSRC receive state of one SRTP or SRTCP direction: the highest index seen (RFC 3711 §3.3.1:
 * ROC and s_l, packed as the 48-bit index {@code ROC << 16 | SEQ}) and a sliding replay bitmap
 * (§3.3.2). Sending contexts keep the highest index they protected in the same slot.
 *
 * <p>Replay window: {@value #REPLAY_WINDOW} indices (two longs; bit d = "highest - d was seen").
 * RFC 3711 asks for at least 64; 128 covers the reordering that video bursts with NACK
 * retransmissions show on real networks, as libsrtp and Chrome default to as well.
 *
 * <p>At most {@value #MAX_SSRCS} SSRCs per context: a browser sends a handful per transport (audio,
 * video simulcast layers, RTX, FEC), so 64 leaves room while bounding what a peer can make us
 * allocate. The arrays are sized once; lookup is a linear scan with a last-hit shortcut, which
 * beats hashing at this size. Slots are only added by {@link SrtpContext} after authentication.
 */
final class SsrcTable {

  static final int MAX_SSRCS = 64;
  static final int REPLAY_WINDOW = 128;

  private final int[] ssrcs = new int[MAX_SSRCS];
  private final long[] highest = new long[MAX_SSRCS];
  private final long[] seenLow = new long[MAX_SSRCS]; // bits for highest - 0 .. highest - 63
  private final long[] seenHigh = new long[MAX_SSRCS]; // bits for highest - 64 .. highest - 127
  private int size;
  private int lastHit;

  /** The slot holding {@code ssrc}, or -1. */
  int find(int ssrc) {
    if (lastHit < size && ssrcs[lastHit] == ssrc) {
      return lastHit;
    }
    for (int i = 0; i < size; i++) {
      if (ssrcs[i] == ssrc) {
        lastHit = i;
        return i;
      }
    }
    return -1;
  }

  int size() {
    return size;
  }

  boolean isFull() {
    return size == MAX_SSRCS;
  }

  /** Adds {@code ssrc} with {@code index} as its first index; returns the slot, or -1 if full. */
  int add(int ssrc, long index) {
    if (size == MAX_SSRCS) {
      return -1;
    }
    int slot = size++;
    ssrcs[slot] = ssrc;
    highest[slot] = index;
    seenLow[slot] = 1;
    seenHigh[slot] = 0;
    lastHit = slot;
    return slot;
  }

  /** Forgets {@code ssrc} (its stream ended); the last slot moves into the hole. */
  void remove(int ssrc) {
    int slot = find(ssrc);
    if (slot < 0) {
      return;
    }
    int last = --size;
    ssrcs[slot] = ssrcs[last];
    highest[slot] = highest[last];
    seenLow[slot] = seenLow[last];
    seenHigh[slot] = seenHigh[last];
    lastHit = 0;
  }

  long highest(int slot) {
    return highest[slot];
  }

  /**
   * The packet index for sequence number {@code seq}, RFC 3711 Appendix A: the ROC guess v is the
   * one that puts the index closest to the highest seen. Returns -1 when the guess falls before ROC
   * 0 (a packet from before the stream began).
   */
  long estimateIndex(int slot, int seq) {
    long h = highest[slot];
    long v = h >>> 16;
    int sl = (int) (h & 0xFFFF);
    if (sl < 32768) {
      if (seq - sl > 32768) {
        v--;
      }
    } else if (sl - 32768 > seq) {
      v++;
    }
    if (v < 0) {
      return -1;
    }
    return ((v << 16) | seq) & 0xFFFF_FFFF_FFFFL;
  }

  /** 0 if {@code index} may be accepted, else {@link SrtpError#REPLAYED} or {@code TOO_OLD}. */
  int check(int slot, long index) {
    long delta = highest[slot] - index;
    if (delta < 0) {
      return 0;
    }
    if (delta >= REPLAY_WINDOW) {
      return SrtpError.TOO_OLD.code();
    }
    long bits = delta < 64 ? seenLow[slot] >>> delta : seenHigh[slot] >>> (delta - 64);
    return (bits & 1) != 0 ? SrtpError.REPLAYED.code() : 0;
  }

  /** Records an authenticated {@code index}: slides the window if it is the new highest. */
  void accept(int slot, long index) {
    long delta = index - highest[slot];
    if (delta > 0) {
      slide(slot, delta);
      highest[slot] = index;
    } else if (-delta < 64) {
      seenLow[slot] |= 1L << -delta;
    } else if (-delta < REPLAY_WINDOW) {
      seenHigh[slot] |= 1L << (-delta - 64);
    }
  }

  /** Sets the highest index outright (the sending side's SRTCP index, which wraps at 2^31). */
  void setHighest(int slot, long index) {
    highest[slot] = index;
  }

  private void slide(int slot, long d) {
    long low = seenLow[slot];
    long high = seenHigh[slot];
    if (d >= REPLAY_WINDOW) {
      low = 0;
      high = 0;
    } else if (d >= 64) {
      high = low << (d - 64);
      low = 0;
    } else {
      high = (high << d) | (low >>> (64 - d));
      low <<= d;
    }
    seenLow[slot] = low | 1;
    seenHigh[slot] = high;
  }
}
