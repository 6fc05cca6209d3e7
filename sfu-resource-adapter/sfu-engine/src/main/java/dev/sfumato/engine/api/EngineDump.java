package dev.sfumato.engine.api;

import java.util.List;

/**
 * Every worker's state; what a readiness check and {@code dump} report.
 *
 * @param workers one entry per worker, in worker order
 */
public record EngineDump(List<WorkerDump> workers) {
  public EngineDump {
    workers = List.copyOf(workers);
  }

  /** True when there is at least one worker and every worker runs with a bound socket. */
  public boolean allWorkersBound() {
    return !workers.isEmpty()
        && workers.stream().allMatch(w -> w.running() && !w.localAddress().isEmpty());
  }
}
