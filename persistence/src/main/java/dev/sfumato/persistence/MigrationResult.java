package dev.sfumato.persistence;

/**
 * What {@link SchemaMigrator#migrate} did.
 *
 * @param initialVersion schema version found, or {@code null} for an empty database
 * @param currentVersion schema version after migrating
 * @param migrationsExecuted 0 when the schema was already current
 */
public record MigrationResult(
    String initialVersion, String currentVersion, int migrationsExecuted) {

  public boolean changedSchema() {
    return migrationsExecuted > 0;
  }
}
