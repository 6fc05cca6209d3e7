package dev.sfumato.engine.sctp;

/**
 * Which peer TSNs we hold (RFC 9260 §6.2): the cumulative TSN, a bitmap of the TSNs received above
 * it (bounded to {@link #WINDOW}, beyond which DATA is dropped), and the duplicates seen since the
 * last SACK. Fills SACK chunks with gap ack blocks (§3.3.4) without allocating.
 */
final class InboundTsns {

  /** TSNs tracked beyond the cumulative ack: 16384 × ≥1 byte, more than any receive window. */
  static final int WINDOW = 1 << 14;

  static final int NEW = 0;
  static final int DUPLICATE = 1;
  static final int OUT_OF_WINDOW = 2;

  private final long[] bits = new long[WINDOW / 64];
  private int cumTsn;

  /** The cumulative TSN unwrapped to 64 bits, for keys that must not wrap. */
  private long cumIndex;

  private int highestTsn;
  private int dupCount;
  private final int[] dups = new int[SackChunk.MAX_DUPS];

  /** §5.1: the peer's Initial TSN is the first it will send; the cumulative ack starts below. */
  void init(int peerInitialTsn) {
    cumTsn = peerInitialTsn - 1;
    highestTsn = cumTsn;
    cumIndex = 1L << 32;
    java.util.Arrays.fill(bits, 0);
    dupCount = 0;
  }

  int cumulativeTsn() {
    return cumTsn;
  }

  /** A TSN near the cumulative ack unwrapped to 64 bits (monotonic, never negative). */
  long index(int tsn) {
    return cumIndex + (tsn - cumTsn);
  }

  long cumulativeIndex() {
    return cumIndex;
  }

  boolean hasGaps() {
    return highestTsn != cumTsn;
  }

  boolean hasDuplicates() {
    return dupCount > 0;
  }

  /** Records a DATA TSN: NEW (and advances the cumulative ack), DUPLICATE or OUT_OF_WINDOW. */
  int receive(int tsn) {
    int ahead = tsn - cumTsn;
    if (ahead <= 0 || (ahead <= WINDOW && isSet(tsn))) {
      if (dupCount < dups.length) {
        dups[dupCount++] = tsn;
      }
      return DUPLICATE;
    }
    if (ahead > WINDOW) {
      return OUT_OF_WINDOW;
    }
    set(tsn);
    if (Be.tsnLt(highestTsn, tsn)) {
      highestTsn = tsn;
    }
    advance();
    return NEW;
  }

  /** RFC 3758 §3.6: FORWARD TSN moves the cumulative ack over abandoned TSNs. */
  void forwardTo(int newCum) {
    int ahead = newCum - cumTsn;
    if (ahead <= 0) {
      return;
    }
    if (ahead > WINDOW) {
      java.util.Arrays.fill(bits, 0);
    } else {
      for (int i = 1; i <= ahead; i++) {
        clear(cumTsn + i);
      }
    }
    cumTsn = newCum;
    cumIndex += ahead;
    if (Be.tsnLt(highestTsn, cumTsn)) {
      highestTsn = cumTsn;
    }
    advance();
  }

  private void advance() {
    while (cumTsn != highestTsn && isSet(cumTsn + 1)) {
      cumTsn++;
      cumIndex++;
      clear(cumTsn);
    }
  }

  /** Fills a SACK (§6.2) and forgets the reported duplicates. */
  void fillSack(SackChunk sack, int aRwnd) {
    sack.cumulativeTsnAck = cumTsn;
    sack.aRwnd = aRwnd;
    int gaps = 0;
    int runStart = 0;
    int span = highestTsn - cumTsn;
    for (int off = 1; off <= span + 1; off++) {
      boolean held = off <= span && isSet(cumTsn + off);
      if (held && runStart == 0) {
        runStart = off;
      } else if (!held && runStart != 0) {
        if (gaps == SackChunk.MAX_GAPS) {
          break; // the rest is reported once these are filled
        }
        sack.gapStart[gaps] = runStart;
        sack.gapEnd[gaps++] = off - 1;
        runStart = 0;
      }
    }
    sack.gapCount = gaps;
    System.arraycopy(dups, 0, sack.dups, 0, dupCount);
    sack.dupCount = dupCount;
    dupCount = 0;
  }

  private boolean isSet(int tsn) {
    int i = tsn & (WINDOW - 1);
    return (bits[i >>> 6] & (1L << i)) != 0;
  }

  private void set(int tsn) {
    int i = tsn & (WINDOW - 1);
    bits[i >>> 6] |= 1L << i;
  }

  private void clear(int tsn) {
    int i = tsn & (WINDOW - 1);
    bits[i >>> 6] &= ~(1L << i);
  }
}
