package dev.sfumato.engine.forward;

import dev.sfumato.engine.api.RouterId;
import dev.sfumato.engine.api.RouterInfo;

/**
 * The media of one room, pinned to one worker so that fan-out inside the room needs no locks (as in
 * mediasoup). Transports, producers and consumers will hang off it; for now it only has a life
 * cycle. Confined to its worker thread.
 */
public final class Router {

  private final RouterId id;
  private final int workerId;
  private boolean closed;

  public Router(RouterId id, int workerId) {
    this.id = id;
    this.workerId = workerId;
  }

  public RouterId id() {
    return id;
  }

  public RouterInfo info() {
    return new RouterInfo(id, workerId);
  }

  public boolean isClosed() {
    return closed;
  }

  /** Releases everything under the router. Idempotent. */
  public void close() {
    closed = true;
  }
}
