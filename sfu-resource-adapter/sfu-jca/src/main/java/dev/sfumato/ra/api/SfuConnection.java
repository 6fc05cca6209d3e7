package dev.sfumato.ra.api;

import dev.sfumato.engine.api.EngineControl;

/**
 * A connection handle on the media engine. Calls never block; their stages complete on a container
 * thread, never on a media thread. After {@link #close()} or when the resource adapter has stopped,
 * calls fail with {@code EngineException} code {@code CLOSED}.
 */
public interface SfuConnection extends EngineControl, AutoCloseable {

  @Override
  void close();
}
