package dev.sfumato.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.sfumato.test.LibertyLikeClassLoader;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class SchemaMigratorTest {

  private final ClassLoader loader = SchemaMigrator.class.getClassLoader();

  @Test
  void flywaysOwnScanFindsNothingUnderAWebSphereStyleClassLoader() {
    // The hazard ListedMigrations exists for: without a db/migration/flyway.location marker the
    // scan under a com.ibm… loader (Liberty's) finds no scripts, and migrate() still "succeeds".
    Flyway scanning =
        Flyway.configure(new LibertyLikeClassLoader(loader))
            .dataSource(h2())
            .locations("classpath:db/migration")
            .load();

    assertThat(scanning.migrate().migrationsExecuted).isZero();
  }

  @Test
  void listedMigrationsApplyUnderAWebSphereStyleClassLoader() {
    MigrationResult result = SchemaMigrator.migrate(h2(), new LibertyLikeClassLoader(loader));

    assertThat(result.migrationsExecuted()).isEqualTo(ListedMigrations.SCRIPTS.size());
  }

  @Test
  void listedScriptsMatchWhatFlywaysScanWouldHaveRecorded() {
    // A database first migrated by a scanning Flyway (or the Flyway CLI) must validate against the
    // listed scripts: same script names, same checksums.
    DataSource ds = h2();
    int scanned =
        Flyway.configure(loader)
            .dataSource(ds)
            .locations("classpath:db/migration")
            .load()
            .migrate()
            .migrationsExecuted;

    MigrationResult listed = SchemaMigrator.migrate(ds);

    assertThat(scanned).isEqualTo(ListedMigrations.SCRIPTS.size());
    assertThat(listed.migrationsExecuted()).isZero();
  }

  private static DataSource h2() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:migrator-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    ds.setUser("sa");
    return ds;
  }
}
