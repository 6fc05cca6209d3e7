package dev.sfumato.ra.work;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/** Moves the completion of an engine stage off the media thread. */
public final class Stages {

  private Stages() {}

  /**
   * A stage that completes like {@code stage}, but on {@code executor}: a dependent the caller
   * attaches without an executor then runs on a container thread instead of a media loop. If the
   * executor refuses (server shutting down), completes inline rather than never.
   */
  public static <T> CompletionStage<T> completeOn(CompletionStage<T> stage, Executor executor) {
    if (executor == null || stage.toCompletableFuture().isDone()) {
      return stage;
    }
    CompletableFuture<T> hopped = new CompletableFuture<>();
    stage.whenComplete(
        (value, failure) -> {
          Runnable complete = () -> complete(hopped, value, failure);
          try {
            executor.execute(complete);
          } catch (RejectedExecutionException e) {
            complete.run();
          }
        });
    return hopped;
  }

  private static <T> void complete(CompletableFuture<T> target, T value, Throwable failure) {
    if (failure != null) {
      target.completeExceptionally(failure);
    } else {
      target.complete(value);
    }
  }
}
