package dev.sfumato.persistence;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * Hands Flyway the migration scripts named in {@link #SCRIPTS} instead of letting it scan the class
 * path; see the package documentation for why. Each script is read with {@link
 * ClassLoader#getResourceAsStream}, which works for any URL scheme the class loader uses.
 */
final class ListedMigrations implements ResourceProvider {

  static final String LOCATION = "db/migration";

  /**
   * Every script under {@code src/main/resources/db/migration}, oldest first. Add new ones here;
   * {@code ListedMigrationsTest} fails when this list and the directory disagree.
   */
  static final List<String> SCRIPTS = List.of("V1__room_definitions.sql");

  private final List<LoadableResource> resources;

  ListedMigrations(ClassLoader classLoader) {
    this.resources =
        SCRIPTS.stream().<LoadableResource>map(name -> new Script(classLoader, name)).toList();
  }

  @Override
  public LoadableResource getResource(String name) {
    return resources.stream()
        .filter(r -> r.getRelativePath().equals(name) || r.getAbsolutePath().equals(name))
        .findFirst()
        .orElse(null);
  }

  @Override
  public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
    return resources.stream()
        .filter(r -> r.getFilename().startsWith(prefix))
        .filter(r -> Arrays.stream(suffixes).anyMatch(r.getFilename()::endsWith))
        .toList();
  }

  /**
   * One script; its relative path is what Flyway's own scanner would report, so checksums and the
   * {@code script} column of the history table are the same either way.
   */
  private static final class Script extends LoadableResource {
    private final ClassLoader classLoader;
    private final String filename;
    private final String absolutePath;
    private final URL url;

    Script(ClassLoader classLoader, String filename) {
      this.classLoader = classLoader;
      this.filename = filename;
      this.absolutePath = LOCATION + "/" + filename;
      this.url = classLoader.getResource(absolutePath);
      if (url == null) {
        throw new FlywayException(
            "Migration " + absolutePath + " is listed but not on the class path of " + classLoader);
      }
    }

    @Override
    public Reader read() {
      InputStream in = classLoader.getResourceAsStream(absolutePath);
      if (in == null) {
        throw new FlywayException("Migration " + absolutePath + " disappeared from the class path");
      }
      return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    @Override
    public String getAbsolutePath() {
      return absolutePath;
    }

    @Override
    public String getAbsolutePathOnDisk() {
      return url.toExternalForm(); // only shown in Flyway's messages
    }

    @Override
    public String getFilename() {
      return filename;
    }

    @Override
    public String getRelativePath() {
      return filename;
    }
  }
}
