package dev.sfumato.engine.worker;

import dev.sfumato.engine.api.RouterId;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which worker owns which router, so a control call reaches the right queue. Only the owning worker
 * adds and removes its entries; any thread reads.
 */
final class RouterDirectory {

  private final ConcurrentHashMap<RouterId, MediaWorker> owners = new ConcurrentHashMap<>();

  MediaWorker ownerOf(RouterId id) {
    return owners.get(id);
  }

  boolean register(RouterId id, MediaWorker owner) {
    return owners.putIfAbsent(id, owner) == null;
  }

  void unregister(RouterId id) {
    owners.remove(id);
  }
}
