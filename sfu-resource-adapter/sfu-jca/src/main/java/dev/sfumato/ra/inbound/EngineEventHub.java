package dev.sfumato.ra.inbound;

import dev.sfumato.engine.api.EngineEvent;
import dev.sfumato.ra.EngineEventActivationSpec;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Fans engine events out to activated message endpoints, each through its own serial dispatcher (in
 * order, off the media thread; a slow bean only delays itself).
 *
 * <p>The engine's workers start before any message-driven bean is activated, so their {@code
 * WorkerStarted} events would be lost. The hub keeps the latest state per worker and replays a
 * {@code WorkerStarted} for each running worker to an endpoint when it activates. Replay and live
 * events are ordered under one lock, so an endpoint sees neither a gap nor a duplicate.
 */
public final class EngineEventHub {

  /**
   * Events queued per endpoint before new ones are dropped: control events come at a few per
   * second, so this is minutes of a stalled bean, not a burst.
   */
  static final int QUEUE_CAPACITY = 10_000;

  private record Key(MessageEndpointFactory factory, EngineEventActivationSpec spec) {}

  private record Endpoint(EngineEventActivationSpec spec, SerialDispatcher<EngineEvent> queue) {}

  private final Function<MessageEndpointFactory, SerialDispatcher<EngineEvent>> dispatchers;
  private final Map<Integer, EngineEvent.WorkerStarted> runningWorkers = new TreeMap<>();
  private final Map<Key, Endpoint> endpoints = new LinkedHashMap<>();
  private boolean closed;

  public EngineEventHub(Executor executor, RetryScheduler retry) {
    this.dispatchers =
        factory ->
            new SerialDispatcher<>(
                "engine events to " + name(factory),
                executor,
                new EndpointDelivery(factory),
                retry,
                QUEUE_CAPACITY);
  }

  /** Called on a media thread: only enqueues. */
  public void publish(EngineEvent event) {
    List<SerialDispatcher<EngineEvent>> toKick = new ArrayList<>();
    synchronized (this) {
      if (closed) {
        return;
      }
      if (event instanceof EngineEvent.WorkerStarted started) {
        runningWorkers.put(started.workerId(), started);
      } else if (event instanceof EngineEvent.WorkerStopped stopped) {
        runningWorkers.remove(stopped.workerId());
      }
      for (Endpoint endpoint : endpoints.values()) {
        if (endpoint.spec().accepts(event) && endpoint.queue().enqueue(event)) {
          toKick.add(endpoint.queue());
        }
      }
    }
    toKick.forEach(SerialDispatcher::kick); // outside the lock: kicking may call the WorkManager
  }

  public void activate(MessageEndpointFactory factory, EngineEventActivationSpec spec)
      throws ResourceException {
    SerialDispatcher<EngineEvent> queue = dispatchers.apply(factory);
    synchronized (this) {
      if (closed) {
        throw new ResourceException("Sfumato resource adapter is stopped");
      }
      Key key = new Key(factory, spec);
      if (endpoints.containsKey(key)) {
        throw new NotSupportedException("endpoint already active: " + name(factory));
      }
      for (EngineEvent.WorkerStarted started : runningWorkers.values()) {
        if (spec.accepts(started)) {
          queue.enqueue(started);
        }
      }
      endpoints.put(key, new Endpoint(spec, queue));
    }
    queue.kick();
  }

  public void deactivate(MessageEndpointFactory factory, EngineEventActivationSpec spec) {
    Endpoint removed;
    synchronized (this) {
      removed = endpoints.remove(new Key(factory, spec));
    }
    if (removed != null) {
      removed.queue().close();
    }
  }

  /** Running workers as last reported, for diagnostics and tests. */
  public synchronized List<EngineEvent.WorkerStarted> runningWorkers() {
    return List.copyOf(runningWorkers.values());
  }

  public synchronized int activeEndpoints() {
    return endpoints.size();
  }

  public void close() {
    List<Endpoint> all;
    synchronized (this) {
      closed = true;
      all = new ArrayList<>(endpoints.values());
      endpoints.clear();
      runningWorkers.clear();
    }
    all.forEach(e -> e.queue().close());
  }

  private static String name(MessageEndpointFactory factory) {
    try {
      String activation = factory.getActivationName();
      return activation != null ? activation : String.valueOf(factory);
    } catch (RuntimeException | AbstractMethodError e) {
      return String.valueOf(factory);
    }
  }
}
