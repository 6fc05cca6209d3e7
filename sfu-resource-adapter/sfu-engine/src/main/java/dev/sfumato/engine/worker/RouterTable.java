package dev.sfumato.engine.worker;

import dev.sfumato.engine.api.EngineEvent;
import dev.sfumato.engine.api.EngineException;
import dev.sfumato.engine.api.RouterId;
import dev.sfumato.engine.api.SpeakerLevel;
import dev.sfumato.engine.forward.Router;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** The routers pinned to one worker, and the router commands. Confined to the worker thread. */
final class RouterTable {

  private final int workerId;
  private final MediaWorker worker;
  private final RouterDirectory directory;
  private final EventSink events;
  private final AtomicInteger load;
  private final Map<RouterId, Router> routers = new HashMap<>();
  private TransportTable transports;

  RouterTable(
      int workerId,
      MediaWorker worker,
      RouterDirectory directory,
      EventSink events,
      AtomicInteger load) {
    this.workerId = workerId;
    this.worker = worker;
    this.directory = directory;
    this.events = events;
    this.load = load;
  }

  void setTransports(TransportTable transports) {
    this.transports = transports;
  }

  boolean contains(RouterId id) {
    return routers.containsKey(id);
  }

  int size() {
    return routers.size();
  }

  Router get(RouterId id) {
    return routers.get(id);
  }

  void create(Command.RouterCreate command) {
    RouterId id = command.id();
    // Registered before the reply completes, so a close issued right after creation finds it.
    if (!directory.register(id, worker)) {
      command.fail(new EngineException(EngineException.Code.INTERNAL, "duplicate router " + id));
      return;
    }
    Router router = new Router(id, workerId);
    routers.put(id, router);
    command.reply().complete(router.info());
  }

  void close(Command.RouterClose command) {
    Router router = routers.remove(command.id());
    if (router == null) {
      command.fail(
          new EngineException(EngineException.Code.NOT_FOUND, "no router " + command.id()));
      return;
    }
    release(router);
    command.reply().complete(null);
  }

  void speakers(Command.RouterGetSpeakers command) {
    Router router = routers.get(command.id());
    if (router == null) {
      command.fail(
          new EngineException(EngineException.Code.NOT_FOUND, "no router " + command.id()));
      return;
    }
    command.reply().complete(List.copyOf(router.speakers().current()));
  }

  /** Once per speaker window (worker timer): each router decides who speaks, says so if new. */
  void observeSpeakers() {
    for (Router router : routers.values()) {
      if (router.speakers().size() == 0) {
        continue;
      }
      List<SpeakerLevel> changed = router.speakers().observe();
      if (changed != null) {
        events.emit(new EngineEvent.SpeakersChanged(router.id(), changed));
      }
    }
  }

  /** The worker is stopping: every router goes, each with its event. */
  void closeAll() {
    for (Router router : new ArrayList<>(routers.values())) {
      release(router);
    }
    routers.clear();
  }

  private void release(Router router) {
    if (transports != null) {
      transports.closeRouter(router.id());
    }
    router.close();
    directory.unregister(router.id());
    load.decrementAndGet();
    events.emit(new EngineEvent.RouterClosed(router.id()));
  }
}
