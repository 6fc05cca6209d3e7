package dev.sfumato.engine.api;

import java.util.concurrent.CompletionStage;

/**
 * The engine's control channel, mediasoup-style: each call is queued to the worker that owns the
 * object and applied on that worker's thread. No call blocks its caller.
 *
 * <p>Stages complete on the worker thread. A dependent action registered without an executor would
 * run on the media loop; register dependents with an executor (or use the JCA connection, which
 * hops off the media thread for you).
 *
 * <p>Failures are {@link EngineException}s: {@code CLOSED} once the engine has stopped, {@code
 * NOT_FOUND} for an id the engine does not know.
 */
public interface EngineControl {

  /** Creates a router on the worker with the fewest routers. */
  CompletionStage<RouterInfo> createRouter();

  /** Closes a router and everything under it; emits {@link EngineEvent.RouterClosed}. */
  CompletionStage<Void> closeRouter(RouterId id);

  /** Every worker's state. */
  CompletionStage<EngineDump> dump();
}
