package dev.sfumato.engine.worker;

import dev.sfumato.engine.api.EngineException;
import dev.sfumato.engine.api.TransportId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Routes a control call's command to the worker that owns its object ({@link RouterDirectory}), and
 * fails the call the way the API says when it cannot (INVALID_ARGUMENT, NOT_FOUND). Its own class
 * so that {@link WorkerGroup} and {@link DataCalls} share one set of routing rules.
 */
final class OwnerRouting {

  private final RouterDirectory directory;

  OwnerRouting(RouterDirectory directory) {
    this.directory = directory;
  }

  /**
   * Queues the command to the worker that owns {@code id}: INVALID_ARGUMENT for a null id,
   * NOT_FOUND for an id no worker owns (the worker checks again: it may close in between).
   */
  <T> CompletionStage<T> onOwner(Object id, Function<CompletableFuture<T>, Command> command) {
    if (id == null) {
      return invalid("id is null");
    }
    MediaWorker owner = directory.ownerOf(id);
    if (owner == null) {
      return notFound("no " + kindOf(id) + " " + id);
    }
    CompletableFuture<T> reply = new CompletableFuture<>();
    owner.submit(command.apply(reply));
    return reply;
  }

  /**
   * {@link #onOwner} of the transport, for a call that consumes {@code producer} (a "producer" or
   * "data producer" as {@code what} says): NOT_FOUND when no worker owns it, INVALID_ARGUMENT when
   * the transport's worker is another one (routers pin workers, so they are in different routers).
   */
  <T> CompletionStage<T> onOwnerWith(
      Object producer,
      String what,
      TransportId transport,
      Function<CompletableFuture<T>, Command> command) {
    MediaWorker producerOwner = directory.ownerOf(producer);
    if (producerOwner == null) {
      return notFound("no " + what + " " + producer);
    }
    MediaWorker transportOwner = transport == null ? null : directory.ownerOf(transport);
    if (transportOwner != null && transportOwner != producerOwner) {
      return invalid(what + " and transport are in different routers");
    }
    return onOwner(transport, command);
  }

  private static String kindOf(Object id) {
    String name = id.getClass().getSimpleName();
    return name.endsWith("Id") ? name.substring(0, name.length() - 2).toLowerCase() : name;
  }

  static <T> CompletionStage<T> invalid(String message) {
    return CompletableFuture.failedFuture(
        new EngineException(EngineException.Code.INVALID_ARGUMENT, message));
  }

  static <T> CompletionStage<T> notFound(String message) {
    return CompletableFuture.failedFuture(
        new EngineException(EngineException.Code.NOT_FOUND, message));
  }
}
