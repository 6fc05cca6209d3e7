package dev.sfumato.ra.outbound;

import dev.sfumato.engine.api.EngineControl;
import dev.sfumato.engine.api.EngineDump;
import dev.sfumato.engine.api.EngineException;
import dev.sfumato.engine.api.RouterId;
import dev.sfumato.engine.api.RouterInfo;
import dev.sfumato.ra.SfuResourceAdapter;
import dev.sfumato.ra.api.SfuConnection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** The application's handle: forwards each call to the adapter's running engine. */
public final class SfuConnectionHandle implements SfuConnection {

  private volatile SfuManagedConnection owner;
  private volatile boolean closed;

  SfuConnectionHandle(SfuManagedConnection owner) {
    this.owner = owner;
  }

  @Override
  public CompletionStage<RouterInfo> createRouter() {
    return call(EngineControl::createRouter);
  }

  @Override
  public CompletionStage<Void> closeRouter(RouterId id) {
    return call(control -> control.closeRouter(id));
  }

  @Override
  public CompletionStage<EngineDump> dump() {
    return call(EngineControl::dump);
  }

  private <T> CompletionStage<T> call(Function<EngineControl, CompletionStage<T>> call) {
    SfuManagedConnection current = owner;
    SfuResourceAdapter adapter = current == null ? null : current.adapter();
    if (closed || adapter == null) {
      return CompletableFuture.failedFuture(
          new EngineException(EngineException.Code.CLOSED, "connection is closed"));
    }
    return adapter.call(call);
  }

  @Override
  public void close() {
    SfuManagedConnection current = owner;
    if (!closed) {
      closed = true;
      if (current != null) {
        current.handleClosed(this);
      }
    }
  }

  /** The container moved this handle to another managed connection; returns the previous one. */
  SfuManagedConnection reassociate(SfuManagedConnection next) {
    SfuManagedConnection previous = owner;
    owner = next;
    return previous;
  }

  /** The managed connection was cleaned up: the handle is dead without a close event. */
  void invalidate() {
    closed = true;
    owner = null;
  }
}
