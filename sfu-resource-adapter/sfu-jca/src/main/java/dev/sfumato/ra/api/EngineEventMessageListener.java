package dev.sfumato.ra.api;

import dev.sfumato.engine.api.EngineEvent;

/**
 * The message listener type a message-driven bean implements to receive engine events. Events are
 * delivered one at a time, in the order the engine produced them, off the media threads. On
 * activation the bean first receives a {@code WorkerStarted} for every running worker.
 */
public interface EngineEventMessageListener {
  void onEngineEvent(EngineEvent event);
}
