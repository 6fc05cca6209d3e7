package dev.sfumato.engine.stats;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-worker drop counters. Written by the worker thread only, so plain longs suffice; snapshots
 * are taken on that thread too (by the dump command).
 */
public final class DropCounters {

  private static final DropReason[] REASONS = DropReason.values();

  private final long[] counts = new long[REASONS.length];

  public void count(DropReason reason) {
    counts[reason.ordinal()]++;
  }

  public long get(DropReason reason) {
    return counts[reason.ordinal()];
  }

  /** Every reason, zero or not, so metric series do not appear and vanish. */
  public Map<String, Long> snapshot() {
    Map<String, Long> map = new LinkedHashMap<>();
    for (DropReason reason : REASONS) {
      map.put(reason.name(), counts[reason.ordinal()]);
    }
    return map;
  }
}
