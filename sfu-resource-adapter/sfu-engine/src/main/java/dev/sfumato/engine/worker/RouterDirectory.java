package dev.sfumato.engine.worker;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Which worker owns which engine object (router, transport, producer, consumer), so a control call
 * reaches the right queue. Keys are the id records, whose types differ, so ids of different kinds
 * never collide. Only the owning worker adds and removes its entries; any thread reads.
 */
final class RouterDirectory {

  private final ConcurrentHashMap<Object, MediaWorker> owners = new ConcurrentHashMap<>();

  MediaWorker ownerOf(Object id) {
    return owners.get(id);
  }

  boolean register(Object id, MediaWorker owner) {
    return owners.putIfAbsent(id, owner) == null;
  }

  void unregister(Object id) {
    owners.remove(id);
  }
}
