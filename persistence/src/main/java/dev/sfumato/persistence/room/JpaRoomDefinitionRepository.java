package dev.sfumato.persistence.room;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link RoomDefinitionRepository} over a JPA {@link EntityManager}: a container-managed JTA one in
 * the EJB module, a resource-local one in tests. Writes are flushed at once so that constraint and
 * version conflicts surface from {@link #save} and {@link #deleteByName}, not at commit.
 */
public final class JpaRoomDefinitionRepository implements RoomDefinitionRepository {

  // "distinct" is implied for fetch joins since Hibernate 6; the join loads the codecs in the same
  // select so that a list of rooms costs one round trip.
  private static final String SELECT_WITH_CODECS =
      "select r from RoomDefinition r left join fetch r.enabledCodecs ";

  private final EntityManager entityManager;

  public JpaRoomDefinitionRepository(EntityManager entityManager) {
    this.entityManager = Objects.requireNonNull(entityManager, "entityManager");
  }

  @Override
  public Optional<RoomDefinition> findByName(String name) {
    Objects.requireNonNull(name, "name");
    return entityManager
        .createQuery(SELECT_WITH_CODECS + "where r.name = :name", RoomDefinition.class)
        .setParameter("name", name)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<RoomDefinition> findAll() {
    return entityManager
        .createQuery(SELECT_WITH_CODECS + "order by r.name", RoomDefinition.class)
        .getResultList();
  }

  @Override
  public List<RoomDefinition> findByNames(Collection<String> names) {
    if (names.isEmpty()) {
      return List.of(); // "in ()" is invalid SQL, and there is nothing to ask anyway
    }
    return entityManager
        .createQuery(
            SELECT_WITH_CODECS + "where r.name in :names order by r.name", RoomDefinition.class)
        .setParameter("names", new LinkedHashSet<>(names))
        .getResultList();
  }

  @Override
  public RoomDefinition save(RoomDefinition room) {
    Objects.requireNonNull(room, "room");
    RoomDefinition managed;
    if (room.getId() == null) {
      entityManager.persist(room);
      managed = room;
    } else {
      // merge() compares the detached copy's version with the row's and throws if it is stale.
      managed = entityManager.merge(room);
    }
    entityManager.flush();
    return managed;
  }

  @Override
  public boolean deleteByName(String name) {
    Optional<RoomDefinition> room = findByName(name);
    room.ifPresent(
        r -> {
          entityManager.remove(r); // through the entity so its codec rows go too
          entityManager.flush();
        });
    return room.isPresent();
  }
}
