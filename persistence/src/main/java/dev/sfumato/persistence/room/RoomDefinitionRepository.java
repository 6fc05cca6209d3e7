package dev.sfumato.persistence.room;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The room store's durable side. Implementations join the caller's transaction and never start one:
 * in the EJB module that is the container's JTA transaction, in tests a resource-local one. Lists
 * are ordered by room name.
 */
public interface RoomDefinitionRepository {

  Optional<RoomDefinition> findByName(String name);

  List<RoomDefinition> findAll();

  /** The rooms among {@code names} that exist; names that do not are left out. */
  List<RoomDefinition> findByNames(Collection<String> names);

  /**
   * Inserts a new room or writes a changed one and returns the managed instance, which callers must
   * use from then on. A duplicate name fails with a {@code PersistenceException} (Hibernate's
   * {@code ConstraintViolationException} naming {@code uk_room_definition_name}); a room changed by
   * someone else since it was read fails with an {@code OptimisticLockException}.
   */
  RoomDefinition save(RoomDefinition room);

  /** Whether a room of that name existed and was deleted. */
  boolean deleteByName(String name);
}
