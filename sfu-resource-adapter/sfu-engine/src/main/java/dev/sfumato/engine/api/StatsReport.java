package dev.sfumato.engine.api;

import java.util.Map;
import java.util.Objects;

/**
 * Counters of one engine object (transport, producer or consumer) at one moment: packets and bytes
 * in and out, NACKs, PLIs, drops by reason. Names are stable and documented where they are made.
 */
public record StatsReport(String id, String type, Map<String, Long> counters) {
  public StatsReport {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    counters = Map.copyOf(counters);
  }
}
