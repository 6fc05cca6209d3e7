package dev.sfumato.engine.worker;

import dev.sfumato.engine.api.EngineException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Commands from any thread to one worker thread. Once closed, queued and later commands fail with
 * {@code CLOSED} rather than waiting forever: a caller's future always completes.
 */
final class CommandQueue {

  private final ConcurrentLinkedQueue<Command> queue = new ConcurrentLinkedQueue<>();
  private volatile boolean closed;

  /**
   * Queues {@code command}, or fails it if the worker has stopped.
   *
   * @return whether the command is queued for the worker
   */
  boolean offer(Command command) {
    queue.offer(command);
    // Checked after the offer: either the worker's final drain sees the command, or we see closed.
    if (closed) {
      failAll();
      return false;
    }
    return true;
  }

  boolean isEmpty() {
    return queue.isEmpty();
  }

  /** Applies up to {@code max} commands so a flood of commands cannot starve the socket. */
  int drain(Consumer<Command> apply, int max) {
    int n = 0;
    Command command;
    while (n < max && (command = queue.poll()) != null) {
      n++;
      apply.accept(command);
    }
    return n;
  }

  void close() {
    closed = true;
    failAll();
  }

  private void failAll() {
    Command command;
    while ((command = queue.poll()) != null) {
      command.fail(new EngineException(EngineException.Code.CLOSED, "media worker stopped"));
    }
  }
}
