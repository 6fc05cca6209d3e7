/**
 * Persistence for Sfumato: JPA entities and repositories per aggregate (sub-packages), the
 * persistence unit {@code sfumato} ({@code META-INF/persistence.xml}) and the database schema's
 * migrations ({@code db/migration}, applied by {@link dev.sfumato.persistence.SchemaMigrator}).
 *
 * <h2>Schema ownership</h2>
 *
 * Flyway creates and evolves the schema from versioned SQL scripts written once for H2 2.4 and
 * PostgreSQL 15 (standard types only). Hibernate never changes it ({@code
 * hibernate.hbm2ddl.auto=none}); the tests run Hibernate with {@code validate} against the migrated
 * schema on both databases, which is what proves the mapping and the scripts agree.
 *
 * <h2>Why the migrations are listed, not scanned</h2>
 *
 * This jar runs from an EAR's {@code lib/} inside Open Liberty, whose class loaders hand out {@code
 * wsjar:} URLs. Flyway 11.14's {@code ClassPathScanner} does name {@code wsjar} (it is treated like
 * {@code jar} and read through {@code JarURLConnection}), but only after locating the folder in a
 * special way: for any class loader whose class name starts with {@code com.ibm} — Liberty's {@code
 * AppClassLoader} does — it looks up {@code <location>/flyway.location} instead of the folder and,
 * when that marker file is missing, logs an error and finds no migrations. The migrate call then
 * "succeeds" with nothing applied and the application fails later on a missing table. Rather than
 * depend on a marker file and on the shape of Liberty's URLs, {@code ListedMigrations} names every
 * script and loads it with {@code ClassLoader.getResourceAsStream}; with both a resource provider
 * and a Java-migration class provider configured Flyway creates no scanner for migrations. {@code
 * ListedMigrationsTest} keeps the list and the folder in step; {@code SchemaMigratorTest} shows
 * both behaviours under a {@code com.ibm…} class loader and that listed and scanned scripts record
 * the same checksums.
 *
 * <p>One scan remains that no setting turns off: the {@code Flyway} constructor always looks for
 * Java callbacks in {@code classpath:db/callback}. Under Liberty that logs one harmless SEVERE line
 * ("Unable to resolve location classpath:db/callback … flyway.location") per migrate call; we have
 * no callbacks, so nothing is missed.
 */
package dev.sfumato.persistence;
