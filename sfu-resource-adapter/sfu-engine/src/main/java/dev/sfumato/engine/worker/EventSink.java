package dev.sfumato.engine.worker;

import dev.sfumato.engine.api.EngineEvent;
import dev.sfumato.engine.api.EngineEventListener;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Delivers events to the engine's listener without ever letting it throw into a worker loop. */
public final class EventSink {

  private static final Logger LOG = Logger.getLogger(EventSink.class.getName());

  private final EngineEventListener listener;

  public EventSink(EngineEventListener listener) {
    this.listener = listener;
  }

  public void emit(EngineEvent event) {
    try {
      listener.onEvent(event);
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) {
      LOG.log(Level.WARNING, e, () -> "engine event listener failed on " + event);
    }
  }
}
