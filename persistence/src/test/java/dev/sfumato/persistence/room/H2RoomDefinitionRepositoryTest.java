package dev.sfumato.persistence.room;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sfumato.persistence.MigrationResult;
import dev.sfumato.persistence.SchemaMigrator;
import dev.sfumato.persistence.TestDatabase;
import dev.sfumato.persistence.TestPersistence;
import jakarta.persistence.EntityManagerFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The shared cases on H2 in its default mode (no PostgreSQL compatibility), plus a restart. */
class H2RoomDefinitionRepositoryTest extends AbstractRoomDefinitionRepositoryTest {

  @Override
  protected TestDatabase openDatabase() {
    // DB_CLOSE_DELAY=-1: the database lives between connections until SHUTDOWN.
    DataSource ds = h2("jdbc:h2:mem:rooms-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return new TestDatabase() {
      @Override
      public DataSource dataSource() {
        return ds;
      }

      @Override
      public void close() throws Exception {
        try (Connection c = ds.getConnection();
            Statement s = c.createStatement()) {
          s.execute("SHUTDOWN");
        }
      }
    };
  }

  @Test
  void roomsSurviveClosingAndReopeningAFileDatabase() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "h2-restart-test")).toAbsolutePath();
    String file = "rooms-" + UUID.randomUUID();
    // Without DB_CLOSE_DELAY the file database closes when its last connection does.
    DataSource ds = h2("jdbc:h2:file:" + dir.resolve(file));
    RoomDefinition room = room("persistent");
    room.setMetadata("kept on disk");
    room.setEnabledCodecs(List.of(CodecSetting.of("audio/opus"), CodecSetting.of("video/VP8")));

    MigrationResult created = SchemaMigrator.migrate(ds);
    EntityManagerFactory before = TestPersistence.open(ds);
    try {
      inTransaction(before, repo -> repo.save(room));
    } finally {
      before.close();
    }

    MigrationResult reopened = SchemaMigrator.migrate(ds);
    EntityManagerFactory after = TestPersistence.open(ds);
    try {
      RoomDefinition found =
          inTransaction(after, repo -> repo.findByName("persistent")).orElseThrow();
      assertThat(found.getSid()).isEqualTo(room.getSid());
      assertThat(found.getMetadata()).isEqualTo("kept on disk");
      assertThat(found.getEnabledCodecs()).containsExactlyElementsOf(room.getEnabledCodecs());
      assertThat(found.getCreationTime()).isEqualTo(CREATED);
    } finally {
      after.close();
    }
    assertThat(created.migrationsExecuted()).isPositive();
    assertThat(reopened.migrationsExecuted()).isZero();
    assertThat(dir.resolve(file + ".mv.db")).exists();
    Files.delete(dir.resolve(file + ".mv.db"));
  }

  private static DataSource h2(String url) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL(url);
    ds.setUser("sa");
    ds.setPassword("");
    return ds;
  }
}
