package dev.sfumato.rooms.application;

import dev.sfumato.engine.api.RouterId;
import dev.sfumato.persistence.room.JpaRoomDefinitionRepository;
import dev.sfumato.persistence.room.RoomDefinition;
import dev.sfumato.persistence.room.RoomDefinitionRepository;
import dev.sfumato.rooms.domain.CreateRoomSpec;
import dev.sfumato.rooms.domain.Limits;
import dev.sfumato.rooms.domain.RoomException;
import dev.sfumato.rooms.domain.RoomNames;
import dev.sfumato.rooms.domain.RoomSnapshot;
import dev.sfumato.rooms.engine.EngineGateway;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Rooms, as LiveKit's RoomManager keeps them: a durable definition in the database and, while the
 * server runs, a media router in the engine for each room. Writes are serialised by the singleton's
 * write lock; reads share it.
 *
 * <p>A router is opened inside the transaction that stores the room and closed again if that
 * transaction rolls back; a deleted room's router is closed only once the delete has committed, so
 * the database and the engine never disagree for longer than one transaction.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "ServerKeys"})
@Lock(LockType.WRITE)
public class RoomManager {
  private static final Logger LOG = Logger.getLogger(RoomManager.class.getName());

  @PersistenceContext(unitName = "sfumato")
  private EntityManager entityManager;

  @Resource private TransactionSynchronizationRegistry transactions;

  @EJB private EngineGateway engine;

  private RoomDefinitionRepository repository;

  /** Room name → the router that carries its media. */
  private final Map<String, RouterId> routers = new ConcurrentHashMap<>();

  @PostConstruct
  void openRoutersOfStoredRooms() {
    repository = new JpaRoomDefinitionRepository(entityManager);
    for (RoomDefinition room : repository.findAll()) {
      routers.put(room.getName(), engine.openRouter());
    }
    LOG.info(() -> "rooms loaded from the database: " + routers.size());
  }

  @PreDestroy
  void closeRouters() {
    routers.forEach(this::closeQuietly);
    routers.clear();
  }

  /** Creates the room, or returns the existing one of that name unchanged (LiveKit's rule). */
  public RoomSnapshot createRoom(CreateRoomSpec spec) {
    return repository
        .findByName(spec.name())
        .map(this::snapshot)
        .orElseGet(() -> storeAndOpen(spec));
  }

  /** The room of that name, created with default settings if it does not exist yet. */
  public RoomSnapshot getOrCreateRoom(String name) {
    return createRoom(CreateRoomSpec.named(name));
  }

  /** Rooms ordered by name; only those named when {@code names} is not empty. */
  @Lock(LockType.READ)
  public List<RoomSnapshot> listRooms(Collection<String> names) {
    List<RoomDefinition> rooms =
        names == null || names.isEmpty() ? repository.findAll() : repository.findByNames(names);
    return rooms.stream().map(this::snapshot).toList();
  }

  /** Deletes the room and closes its router; NOT_FOUND if there is no such room. */
  public void deleteRoom(String name) {
    RoomNames.requireValid(name);
    if (!repository.deleteByName(name)) {
      throw new RoomException(RoomException.Code.NOT_FOUND, "requested room does not exist");
    }
    afterCommit(() -> closeQuietly(name, routers.remove(name)));
  }

  /**
   * Replaces the room's metadata (LiveKit's UpdateRoomMetadata); NOT_FOUND if there is no such
   * room, INVALID_ARGUMENT past {@link Limits#MAX_METADATA_LENGTH} characters.
   */
  public RoomSnapshot updateMetadata(String name, String metadata) {
    String value = metadata == null ? "" : metadata;
    if (value.length() > Limits.MAX_METADATA_LENGTH) {
      throw new RoomException(RoomException.Code.INVALID_ARGUMENT, "metadata size exceeds limits");
    }
    RoomDefinition room =
        repository
            .findByName(name)
            .orElseThrow(
                () ->
                    new RoomException(
                        RoomException.Code.NOT_FOUND, "requested room does not exist"));
    room.setMetadata(value);
    return snapshot(repository.save(room));
  }

  private RoomSnapshot storeAndOpen(CreateRoomSpec spec) {
    RoomDefinition stored = repository.save(RoomRecords.newDefinition(spec));
    entityManager.flush();
    RouterId router = engine.openRouter();
    routers.put(spec.name(), router);
    afterRollback(() -> closeQuietly(spec.name(), routers.remove(spec.name())));
    LOG.info(() -> "room created: " + stored.getName() + " " + stored.getSid() + " on " + router);
    return snapshot(stored);
  }

  private RoomSnapshot snapshot(RoomDefinition room) {
    RouterId router = routers.get(room.getName());
    return RoomRecords.snapshot(room, router == null ? "" : router.value());
  }

  private void afterCommit(Runnable action) {
    onCompletion(action, true);
  }

  private void afterRollback(Runnable action) {
    onCompletion(action, false);
  }

  private void onCompletion(Runnable action, boolean onCommit) {
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if ((status == Status.STATUS_COMMITTED) == onCommit) {
              action.run();
            }
          }
        });
  }

  private void closeQuietly(String room, RouterId router) {
    if (router == null) {
      return;
    }
    try {
      engine.closeRouter(router);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "could not close router " + router + " of room " + room, e);
    }
  }
}
