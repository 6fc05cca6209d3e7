package dev.sfumato.engine.worker;

import dev.sfumato.engine.api.EngineException;
import dev.sfumato.engine.api.RouterId;
import dev.sfumato.engine.api.RouterInfo;
import java.util.concurrent.CompletableFuture;

/**
 * A control request queued to one worker and applied on its thread, named object-then-verb like
 * mediasoup's channel requests ({@code ROUTER_CLOSE}). Each carries the future its caller holds.
 */
public sealed interface Command {

  CompletableFuture<?> reply();

  default void fail(EngineException e) {
    reply().completeExceptionally(e);
  }

  /** Create a router with an id chosen by the dispatcher, so the directory can be checked early. */
  record RouterCreate(RouterId id, CompletableFuture<RouterInfo> reply) implements Command {}

  /** Close a router and everything under it. */
  record RouterClose(RouterId id, CompletableFuture<Void> reply) implements Command {}

  /** Report the worker's state (the dump is taken on the worker so its counters need no fences). */
  record WorkerDump(CompletableFuture<dev.sfumato.engine.api.WorkerDump> reply)
      implements Command {}
}
