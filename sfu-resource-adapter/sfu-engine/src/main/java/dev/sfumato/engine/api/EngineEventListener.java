package dev.sfumato.engine.api;

/**
 * Receives engine events on the worker thread that produced them. An exception thrown here is
 * logged and swallowed: it never stops a worker.
 */
@FunctionalInterface
public interface EngineEventListener {
  void onEvent(EngineEvent event);
}
