package dev.sfumato.engine.transport;

import java.util.Arrays;

/**
 * SSRC → (target, encoding) for one transport: its producers' streams (RTP in) or its consumers
 * (RTCP feedback in). A transport carries a handful of SSRCs (a few tracks, three simulcast layers,
 * their RTX), so a linear scan over a {@code long[]} beats hashing and boxes nothing. Bounded at
 * {@link #MAX_ENTRIES}: more SSRCs than that on one transport is an abusive peer. Worker thread
 * only.
 */
final class SsrcTable {

  /** 16 tracks × 3 layers × (media + RTX) fits with room to spare. */
  static final int MAX_ENTRIES = 128;

  private long[] ssrcs = new long[8];
  private Object[] targets = new Object[8];
  private int[] infos = new int[8];
  private int size;

  /** Index of {@code ssrc}, or -1. */
  int indexOf(long ssrc) {
    for (int i = 0; i < size; i++) {
      if (ssrcs[i] == ssrc) {
        return i;
      }
    }
    return -1;
  }

  Object target(int i) {
    return targets[i];
  }

  int info(int i) {
    return infos[i];
  }

  /**
   * @return the new entry's index, or -1 if the SSRC is taken or the table is full
   */
  int add(long ssrc, Object target, int info) {
    if (indexOf(ssrc) >= 0 || size == MAX_ENTRIES) {
      return -1;
    }
    if (size == ssrcs.length) {
      int n = Math.min(MAX_ENTRIES, size * 2);
      ssrcs = Arrays.copyOf(ssrcs, n);
      targets = Arrays.copyOf(targets, n);
      infos = Arrays.copyOf(infos, n);
    }
    ssrcs[size] = ssrc;
    targets[size] = target;
    infos[size] = info;
    return size++;
  }

  /** Removes every entry of {@code target}. */
  void removeAll(Object target) {
    int j = 0;
    for (int i = 0; i < size; i++) {
      if (targets[i] != target) {
        ssrcs[j] = ssrcs[i];
        targets[j] = targets[i];
        infos[j] = infos[i];
        j++;
      }
    }
    Arrays.fill(targets, j, size, null);
    size = j;
  }

  int size() {
    return size;
  }
}
