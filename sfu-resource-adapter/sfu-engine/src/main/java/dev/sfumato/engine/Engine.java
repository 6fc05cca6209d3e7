package dev.sfumato.engine;

import dev.sfumato.engine.api.EngineControl;
import dev.sfumato.engine.api.EngineDump;
import dev.sfumato.engine.api.EngineEventListener;
import dev.sfumato.engine.api.EngineException;
import dev.sfumato.engine.api.RouterId;
import dev.sfumato.engine.api.RouterInfo;
import dev.sfumato.engine.worker.EventSink;
import dev.sfumato.engine.worker.WorkerGroup;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The media engine: N single-threaded workers, each with its own UDP socket.
 *
 * <p>Life cycle: {@link #start()} binds every socket and launches one loop per worker; {@link
 * #close()} stops them and frees every port. An engine can be started again after it was closed (a
 * redeploy in the same JVM does exactly that). {@link #control()} stays valid across restarts and
 * answers {@code CLOSED} while the engine is stopped.
 */
public final class Engine implements AutoCloseable {

  /**
   * How long {@link #close()} waits for loops to end. A loop ends within one turn (well under a
   * millisecond) unless a listener blocks it; past this the sockets are closed from outside.
   */
  public static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

  private final EngineConfig config;
  private final LoopLauncher launcher;
  private final EventSink events;
  private final Object lifecycle = new Object();
  private final EngineControl control = new CurrentGroupControl();
  private volatile WorkerGroup group;

  public Engine(EngineConfig config, LoopLauncher launcher, EngineEventListener listener) {
    this.config = Objects.requireNonNull(config, "config");
    this.launcher = Objects.requireNonNull(launcher, "launcher");
    this.events = new EventSink(Objects.requireNonNull(listener, "listener"));
  }

  public EngineConfig config() {
    return config;
  }

  /**
   * Binds every worker's socket, then launches the worker loops.
   *
   * @throws IOException if a socket cannot be bound or a loop cannot be launched; nothing stays
   *     bound or running in that case
   * @throws IllegalStateException if the engine is already running
   */
  public void start() throws IOException {
    synchronized (lifecycle) {
      if (group != null) {
        throw new IllegalStateException("engine already running");
      }
      WorkerGroup bound = WorkerGroup.bind(config, events);
      try {
        bound.launch(launcher);
      } catch (Exception e) {
        bound.stop("launch failed", STOP_TIMEOUT);
        throw new IOException("could not launch a media worker loop", e);
      }
      group = bound;
    }
  }

  /** The control channel; calls fail with {@code CLOSED} while the engine is not running. */
  public EngineControl control() {
    return control;
  }

  /** Bound socket addresses in worker order; empty while stopped. */
  public List<InetSocketAddress> localAddresses() {
    WorkerGroup current = group;
    return current == null ? List.of() : current.localAddresses();
  }

  public boolean isRunning() {
    return group != null;
  }

  /** Stops every worker, closes every socket and waits (bounded) for the loops. Idempotent. */
  @Override
  public void close() {
    synchronized (lifecycle) {
      WorkerGroup current = group;
      group = null; // new calls fail with CLOSED from here on; queued ones fail as workers stop
      if (current != null) {
        current.stop("engine stopped", STOP_TIMEOUT);
      }
    }
  }

  /** Forwards to whichever worker group is running, so one control object outlives restarts. */
  private final class CurrentGroupControl implements EngineControl {

    @Override
    public CompletionStage<RouterInfo> createRouter() {
      return onGroup(WorkerGroup::createRouter);
    }

    @Override
    public CompletionStage<Void> closeRouter(RouterId id) {
      return onGroup(g -> g.closeRouter(id));
    }

    @Override
    public CompletionStage<EngineDump> dump() {
      return onGroup(WorkerGroup::dump);
    }

    private <T> CompletionStage<T> onGroup(Function<WorkerGroup, CompletionStage<T>> call) {
      WorkerGroup current = group;
      if (current == null) {
        return CompletableFuture.failedFuture(
            new EngineException(EngineException.Code.CLOSED, "media engine is not running"));
      }
      return call.apply(current);
    }
  }
}
