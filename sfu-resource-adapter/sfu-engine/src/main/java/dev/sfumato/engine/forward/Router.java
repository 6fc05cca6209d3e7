package dev.sfumato.engine.forward;

import dev.sfumato.engine.api.RouterId;
import dev.sfumato.engine.api.RouterInfo;
import dev.sfumato.engine.observer.SpeakerObserver;

/**
 * The media of one room, pinned to one worker so that fan-out inside the room needs no locks (as in
 * mediasoup). Transports, producers and consumers live in the worker's tables; the router has its
 * life cycle and its audio-level observer. Confined to its worker thread.
 */
public final class Router {

  private final RouterId id;
  private final int workerId;
  private final SpeakerObserver speakers = new SpeakerObserver();
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

  /** Who is speaking among the router's audio producers. */
  public SpeakerObserver speakers() {
    return speakers;
  }

  public boolean isClosed() {
    return closed;
  }

  /** Releases everything under the router. Idempotent. */
  public void close() {
    closed = true;
  }
}
