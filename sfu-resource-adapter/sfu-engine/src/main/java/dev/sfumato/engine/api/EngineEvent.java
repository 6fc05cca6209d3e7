package dev.sfumato.engine.api;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * What the engine tells the session layer without being asked. Emitted on the worker thread that
 * observed it; listeners must hand events off quickly.
 */
public sealed interface EngineEvent {

  /**
   * A worker's loop runs and its socket is bound.
   *
   * @param workerId the worker's index
   * @param localAddress the bound UDP address
   */
  record WorkerStarted(int workerId, InetSocketAddress localAddress) implements EngineEvent {
    public WorkerStarted {
      Objects.requireNonNull(localAddress, "localAddress");
    }
  }

  /**
   * A worker's loop has ended and its socket is closed; its routers are gone.
   *
   * @param workerId the worker's index
   * @param reason why, for logs ("engine stopped", "interrupted", a failure)
   */
  record WorkerStopped(int workerId, String reason) implements EngineEvent {
    public WorkerStopped {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * A router was closed, by a call or because its worker stopped.
   *
   * @param routerId the closed router
   */
  record RouterClosed(RouterId routerId) implements EngineEvent {
    public RouterClosed {
      Objects.requireNonNull(routerId, "routerId");
    }
  }
}
