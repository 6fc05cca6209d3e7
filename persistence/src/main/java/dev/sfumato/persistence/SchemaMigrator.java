package dev.sfumato.persistence;

import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings a database's schema up to date with the scripts in {@code db/migration}. Flyway owns the
 * schema; Hibernate only validates it (tests) or trusts it (production, {@code hbm2ddl.auto=none}).
 *
 * <p>Call it once at startup, before the first repository call, and outside any JTA transaction:
 * Flyway commits each migration itself and takes a database lock so that two nodes starting
 * together migrate once.
 */
public final class SchemaMigrator {

  private SchemaMigrator() {}

  public static MigrationResult migrate(DataSource dataSource) {
    // This class's loader, not the thread's: in Liberty this jar sits in the EAR's lib/ and the
    // thread context loader at startup may belong to another module or to the server.
    return migrate(dataSource, SchemaMigrator.class.getClassLoader());
  }

  static MigrationResult migrate(DataSource dataSource, ClassLoader classLoader) {
    MigrateResult result = configure(dataSource, classLoader).migrate();
    // Flyway leaves the target version null when there was nothing to apply.
    String current =
        result.targetSchemaVersion != null
            ? result.targetSchemaVersion
            : result.initialSchemaVersion;
    return new MigrationResult(result.initialSchemaVersion, current, result.migrationsExecuted);
  }

  private static Flyway configure(DataSource dataSource, ClassLoader classLoader) {
    return Flyway.configure(classLoader)
        .dataSource(dataSource)
        .locations("classpath:" + ListedMigrations.LOCATION) // informative; nothing is scanned
        // Both providers set: Flyway then builds no class-path scanner at all (see package-info).
        .resourceProvider(new ListedMigrations(classLoader))
        .javaMigrationClassProvider(() -> List.<Class<? extends JavaMigration>>of())
        .validateMigrationNaming(true)
        .load();
  }
}
