package dev.sfumato.persistence.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sfumato.persistence.MigrationResult;
import dev.sfumato.persistence.SchemaMigrator;
import dev.sfumato.persistence.TestDatabase;
import dev.sfumato.persistence.TestPersistence;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The repository's behaviour, run unchanged against each database we ship for. A subclass supplies
 * a fresh, empty database; this class migrates it with {@link SchemaMigrator} and opens the real
 * persistence unit on it with {@code hbm2ddl.auto=validate}, so merely starting proves the entities
 * and the migrations agree on that database.
 *
 * <p>Each repository call runs in its own transaction and entity manager, like an EJB method, and
 * so returns detached rooms.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractRoomDefinitionRepositoryTest {

  static final Instant CREATED = Instant.parse("2026-11-21T10:15:30.123Z");

  private TestDatabase database;
  private MigrationResult firstMigration;
  private EntityManagerFactory emf;

  /** A new empty database (or schema) owned by this test class. */
  protected abstract TestDatabase openDatabase() throws Exception;

  @BeforeAll
  void migrateAndOpen() throws Exception {
    database = openDatabase();
    firstMigration = SchemaMigrator.migrate(database.dataSource());
    emf = TestPersistence.open(database.dataSource());
  }

  @AfterAll
  void close() throws Exception {
    if (emf != null) {
      emf.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @BeforeEach
  void deleteAllRooms() throws SQLException {
    // Codec rows go with them through the foreign key's ON DELETE CASCADE.
    execute("DELETE FROM room_definition");
  }

  @Test
  void migrationCreatedTheSchemaAndRunningItAgainChangesNothing() {
    assertThat(firstMigration.initialVersion()).isNull();
    assertThat(firstMigration.migrationsExecuted()).isPositive();
    assertThat(firstMigration.currentVersion()).isNotNull();

    MigrationResult again = SchemaMigrator.migrate(dataSource());

    assertThat(again.migrationsExecuted()).isZero();
    assertThat(again.changedSchema()).isFalse();
    assertThat(again.initialVersion()).isEqualTo(firstMigration.currentVersion());
    assertThat(again.currentVersion()).isEqualTo(firstMigration.currentVersion());
  }

  @Test
  void savedRoomIsFoundByNameWithEveryField() {
    RoomDefinition room = RoomDefinition.create("standup", 300, 20, 50, CREATED);
    room.setMetadata("{\"topic\":\"daily\"}");
    RoomDefinition saved = inTransaction(repo -> repo.save(room));

    RoomDefinition found = find("standup").orElseThrow();

    assertThat(saved.getId()).isNotNull();
    assertThat(found.getId()).isEqualTo(saved.getId());
    assertThat(found.getName()).isEqualTo("standup");
    assertThat(found.getSid()).isEqualTo(room.getSid()).matches("RM_[0-9A-Za-z]{12}");
    assertThat(found.getEmptyTimeout()).isEqualTo(300);
    assertThat(found.getDepartureTimeout()).isEqualTo(20);
    assertThat(found.getMaxParticipants()).isEqualTo(50);
    assertThat(found.getMetadata()).isEqualTo("{\"topic\":\"daily\"}");
    assertThat(found.getCreationTime()).isEqualTo(CREATED);
    assertThat(found.getEnabledCodecs()).isEmpty();
    assertThat(found.getVersion()).isEqualTo(saved.getVersion());
  }

  @Test
  void unknownNameIsNotFound() {
    assertThat(find("nobody")).isEmpty();
  }

  @Test
  void findAllIsOrderedByName() {
    // Lower-case letters only: their order is the same under every collation.
    for (String name : List.of("charlie", "alpha", "delta", "bravo")) {
      inTransaction(repo -> repo.save(room(name)));
    }

    assertThat(all())
        .extracting(RoomDefinition::getName)
        .containsExactly("alpha", "bravo", "charlie", "delta");
  }

  @Test
  void findAllLoadsCodecsOfEveryRoomOnce() {
    for (String name : List.of("beta", "alpha")) {
      RoomDefinition room = room(name);
      room.setEnabledCodecs(List.of(CodecSetting.of("video/VP8"), CodecSetting.of("audio/opus")));
      inTransaction(repo -> repo.save(room));
    }

    Statistics statistics = emf.unwrap(SessionFactory.class).getStatistics();
    statistics.clear();

    List<RoomDefinition> all = all();

    // One select for rooms and codecs together (no N+1), and no room repeated per codec row.
    assertThat(statistics.getPrepareStatementCount()).isEqualTo(1);
    assertThat(all).extracting(RoomDefinition::getName).containsExactly("alpha", "beta");
    assertThat(all).allSatisfy(r -> assertThat(r.getEnabledCodecs()).hasSize(2));
  }

  @Test
  void findByNamesReturnsTheExistingOnesOrderedByName() {
    for (String name : List.of("charlie", "alpha", "bravo")) {
      inTransaction(repo -> repo.save(room(name)));
    }

    List<RoomDefinition> found = findByNames(List.of("charlie", "zulu", "alpha", "alpha"));

    assertThat(found).extracting(RoomDefinition::getName).containsExactly("alpha", "charlie");
  }

  @Test
  void findByNamesWithNoNamesAsksTheDatabaseNothing() {
    Statistics statistics = emf.unwrap(SessionFactory.class).getStatistics();
    statistics.clear();

    assertThat(findByNames(List.of())).isEmpty();

    assertThat(statistics.getQueryExecutionCount()).isZero();
    assertThat(statistics.getPrepareStatementCount()).isZero();
  }

  @Test
  void deleteByNameRemovesTheRoomAndItsCodecs() throws SQLException {
    RoomDefinition room = room("doomed");
    room.setEnabledCodecs(List.of(CodecSetting.of("video/VP8")));
    inTransaction(repo -> repo.save(room));
    inTransaction(repo -> repo.save(room("kept")));

    assertThat(delete("doomed")).isTrue();

    assertThat(find("doomed")).isEmpty();
    assertThat(find("kept")).isPresent();
    assertThat(countRows("room_definition_codec")).isZero();
  }

  @Test
  void deleteByNameOfUnknownRoomReportsFalse() {
    assertThat(delete("nobody")).isFalse();
  }

  @Test
  void updateChangesMutableFieldsAndBumpsVersion() {
    RoomDefinition saved = inTransaction(repo -> repo.save(room("standup")));
    long firstVersion = saved.getVersion();

    saved.setMetadata("v2");
    saved.setEmptyTimeout(600);
    saved.setDepartureTimeout(5);
    saved.setMaxParticipants(8);
    RoomDefinition updated = inTransaction(repo -> repo.save(saved));

    RoomDefinition found = find("standup").orElseThrow();
    assertThat(updated.getVersion()).isEqualTo(firstVersion + 1);
    assertThat(found.getVersion()).isEqualTo(firstVersion + 1);
    assertThat(found.getMetadata()).isEqualTo("v2");
    assertThat(found.getEmptyTimeout()).isEqualTo(600);
    assertThat(found.getDepartureTimeout()).isEqualTo(5);
    assertThat(found.getMaxParticipants()).isEqualTo(8);
    assertThat(found.getSid()).isEqualTo(saved.getSid());
    assertThat(found.getCreationTime()).isEqualTo(CREATED);
  }

  @Test
  void secondRoomWithTheSameNameViolatesTheUniqueConstraint() {
    inTransaction(repo -> repo.save(room("standup")));

    assertThatThrownBy(() -> inTransaction(repo -> repo.save(room("standup"))))
        .isInstanceOf(PersistenceException.class)
        .isInstanceOfSatisfying(
            ConstraintViolationException.class,
            e -> assertThat(e.getConstraintName()).containsIgnoringCase("uk_room_definition_name"));
    assertThat(all()).hasSize(1);
  }

  @Test
  void savingAStaleCopyFailsWithOptimisticLock() {
    inTransaction(repo -> repo.save(room("standup")));
    RoomDefinition first = find("standup").orElseThrow();
    RoomDefinition second = find("standup").orElseThrow();

    first.setMetadata("written first");
    inTransaction(repo -> repo.save(first));
    second.setMetadata("written second, from an old read");

    assertThatThrownBy(() -> inTransaction(repo -> repo.save(second)))
        .isInstanceOf(OptimisticLockException.class);
    assertThat(find("standup").orElseThrow().getMetadata()).isEqualTo("written first");
  }

  @Test
  void codecsRoundTripInOrderAndCanBeReplaced() {
    List<CodecSetting> codecs =
        List.of(
            new CodecSetting(
                "video/H264",
                "level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f"),
            CodecSetting.of("video/VP8"),
            new CodecSetting("audio/opus", "minptime=10;useinbandfec=1"),
            CodecSetting.of("video/AV1"));
    RoomDefinition room = room("codecs");
    room.setEnabledCodecs(codecs);
    inTransaction(repo -> repo.save(room));

    RoomDefinition found = find("codecs").orElseThrow();
    assertThat(found.getEnabledCodecs()).containsExactlyElementsOf(codecs);

    List<CodecSetting> reordered = List.of(codecs.get(3), codecs.get(0), codecs.get(2));
    found.setEnabledCodecs(reordered);
    inTransaction(repo -> repo.save(found));

    assertThat(find("codecs").orElseThrow().getEnabledCodecs())
        .containsExactlyElementsOf(reordered);
  }

  @Test
  void metadataOfTheMaximumLengthRoundTrips() {
    // Non-ASCII characters too: the limit is in characters, not bytes, on both databases.
    String metadata =
        "{\"é\":\"✓\",\"ß\":\"€\"}"
            .repeat(RoomColumns.METADATA_MAX_LENGTH / 10)
            .concat("x".repeat(RoomColumns.METADATA_MAX_LENGTH))
            .substring(0, RoomColumns.METADATA_MAX_LENGTH);
    RoomDefinition room = room("chatty");
    room.setMetadata(metadata);
    inTransaction(repo -> repo.save(room));

    assertThat(find("chatty").orElseThrow().getMetadata())
        .hasSize(RoomColumns.METADATA_MAX_LENGTH)
        .isEqualTo(metadata);
  }

  static RoomDefinition room(String name) {
    return RoomDefinition.create(name, 300, 20, 0, CREATED);
  }

  Optional<RoomDefinition> find(String name) {
    return inTransaction(repo -> repo.findByName(name));
  }

  List<RoomDefinition> all() {
    return inTransaction(RoomDefinitionRepository::findAll);
  }

  List<RoomDefinition> findByNames(Collection<String> names) {
    return inTransaction(repo -> repo.findByNames(names));
  }

  boolean delete(String name) {
    return inTransaction(repo -> repo.deleteByName(name));
  }

  DataSource dataSource() {
    return database.dataSource();
  }

  EntityManagerFactory entityManagerFactory() {
    return emf;
  }

  /** Runs {@code work} in a new entity manager and resource-local transaction, as an EJB would. */
  <T> T inTransaction(Function<RoomDefinitionRepository, T> work) {
    return inTransaction(emf, work);
  }

  static <T> T inTransaction(EntityManagerFactory emf, Function<RoomDefinitionRepository, T> work) {
    EntityManager em = emf.createEntityManager();
    EntityTransaction tx = em.getTransaction();
    try {
      tx.begin();
      T result = work.apply(new JpaRoomDefinitionRepository(em));
      tx.commit();
      return result;
    } finally {
      if (tx.isActive()) {
        tx.rollback();
      }
      em.close();
    }
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private long countRows(String table) throws SQLException {
    try (Connection c = dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table.toLowerCase(Locale.ROOT))) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
