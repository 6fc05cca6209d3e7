package dev.sfumato.rooms.engine;

import dev.sfumato.engine.api.EngineEvent;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the session layer has heard from the media engine: the state of each worker as its events
 * reported it, and the most recent events for the admin API.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class EngineEventLog {
  /** Events kept for the admin API; older ones are only in the server log. */
  static final int RECENT_EVENTS = 100;

  /** An event as received, with the time it arrived. */
  public record Entry(Instant at, String event) {}

  private final ArrayDeque<Entry> recent = new ArrayDeque<>();
  private final Map<Integer, String> workerStates = new TreeMap<>();

  public synchronized void record(EngineEvent event) {
    if (recent.size() == RECENT_EVENTS) {
      recent.removeFirst();
    }
    recent.addLast(new Entry(Instant.now(), event.toString()));
    if (event instanceof EngineEvent.WorkerStarted started) {
      workerStates.put(started.workerId(), "started " + started.localAddress());
    } else if (event instanceof EngineEvent.WorkerStopped stopped) {
      workerStates.put(stopped.workerId(), "stopped: " + stopped.reason());
    }
  }

  public synchronized List<Entry> recent() {
    return new ArrayList<>(recent);
  }

  public synchronized Map<Integer, String> workerStates() {
    return new TreeMap<>(workerStates);
  }
}
