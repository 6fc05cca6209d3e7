package dev.sfumato.persistence.room;

import dev.sfumato.persistence.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The shared cases on a real PostgreSQL. Run with the Maven profile {@code postgres-tests} and the
 * connection given as system properties; {@code scripts/postgres-test-server.sh start} starts a
 * throwaway server and {@code … maven-args} prints them. Each run works in a schema of its own,
 * dropped afterwards, so runs neither see nor disturb each other's tables.
 */
@Tag("postgres")
class PostgresRoomDefinitionRepositoryTest extends AbstractRoomDefinitionRepositoryTest {

  static final String URL = "sfumato.test.pg.url";
  static final String USER = "sfumato.test.pg.user";
  static final String PASSWORD = "sfumato.test.pg.password";

  @Override
  protected TestDatabase openDatabase() throws SQLException {
    String url = required(URL);
    String user = required(USER);
    String password = required(PASSWORD);
    String schema = "sfumato_test_" + UUID.randomUUID().toString().replace("-", "");

    PGSimpleDataSource admin = dataSource(url, user, password);
    execute(admin, "CREATE SCHEMA " + schema);
    PGSimpleDataSource ds = dataSource(url, user, password);
    ds.setCurrentSchema(schema);
    return new TestDatabase() {
      @Override
      public DataSource dataSource() {
        return ds;
      }

      @Override
      public void close() throws SQLException {
        execute(admin, "DROP SCHEMA " + schema + " CASCADE");
      }
    };
  }

  /** Absent settings fail the tests: a PostgreSQL run that silently skips proves nothing. */
  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank() || value.startsWith("${")) {
      throw new IllegalStateException(
          "PostgreSQL tests need -D"
              + URL
              + "=jdbc:postgresql://host:port/db, -D"
              + USER
              + " and -D"
              + PASSWORD
              + " (with -Ppostgres-tests); '"
              + property
              + "' is not set. Start a throwaway server with"
              + " 'scripts/postgres-test-server.sh start' and pass"
              + " $(scripts/postgres-test-server.sh maven-args).");
    }
    return value;
  }

  private static PGSimpleDataSource dataSource(String url, String user, String password) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(url);
    ds.setUser(user);
    ds.setPassword(password);
    return ds;
  }

  private static void execute(DataSource ds, String sql) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
