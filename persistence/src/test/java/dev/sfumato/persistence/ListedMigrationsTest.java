package dev.sfumato.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.resource.LoadableResource;
import org.junit.jupiter.api.Test;

class ListedMigrationsTest {

  private final ClassLoader loader = ListedMigrations.class.getClassLoader();

  @Test
  void listNamesExactlyTheScriptsInTheMigrationFolder() throws IOException, URISyntaxException {
    // In the build the folder is target/classes/db/migration, a plain directory.
    URL folder = loader.getResource(ListedMigrations.LOCATION);
    try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(ListedMigrations.SCRIPTS);
    }
  }

  @Test
  void providesVersionedScriptsBySuffixAndPrefix() {
    ListedMigrations migrations = new ListedMigrations(loader);

    assertThat(migrations.getResources("V", new String[] {".sql"}))
        .extracting(LoadableResource::getFilename)
        .containsExactlyElementsOf(ListedMigrations.SCRIPTS);
    assertThat(migrations.getResources("R", new String[] {".sql"})).isEmpty();
    assertThat(migrations.getResources("V", new String[] {".java"})).isEmpty();
    assertThat(migrations.getResources("afterMigrate", new String[] {".sql"})).isEmpty();
  }

  @Test
  void readsScriptTextAndReportsPathsAsTheScannerWould() throws IOException {
    LoadableResource v1 = new ListedMigrations(loader).getResource(ListedMigrations.SCRIPTS.get(0));

    assertThat(v1.getRelativePath()).isEqualTo("V1__room_definitions.sql");
    assertThat(v1.getAbsolutePath()).isEqualTo("db/migration/V1__room_definitions.sql");
    try (Reader reader = v1.read()) {
      char[] text = new char[4096];
      assertThat(new String(text, 0, reader.read(text))).contains("CREATE TABLE room_definition");
    }
  }

  @Test
  void rejectsAListedScriptThatIsNotOnTheClassPath() {
    ClassLoader empty = new ClassLoader(null) {};

    assertThatThrownBy(() -> new ListedMigrations(empty))
        .isInstanceOf(FlywayException.class)
        .hasMessageContaining("db/migration/V1__room_definitions.sql");
  }
}
