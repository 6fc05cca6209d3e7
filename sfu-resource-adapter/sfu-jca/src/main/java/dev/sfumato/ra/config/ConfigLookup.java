package dev.sfumato.ra.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Where a setting comes from; sources are chained, first non-blank value wins. */
@FunctionalInterface
public interface ConfigLookup {

  Optional<String> get(String key);

  /** The first source with a non-blank value wins. */
  static ConfigLookup firstOf(ConfigLookup... sources) {
    List<ConfigLookup> chain = Arrays.asList(sources);
    return key ->
        chain.stream()
            .map(source -> source.get(key))
            .flatMap(Optional::stream)
            .filter(value -> !value.isBlank())
            .map(String::trim)
            .findFirst();
  }

  static ConfigLookup of(Map<String, String> values) {
    return key -> Optional.ofNullable(values.get(key));
  }

  static ConfigLookup systemProperties() {
    return key -> Optional.ofNullable(System.getProperty(key));
  }

  /**
   * Environment variables under MicroProfile Config's names: the key itself, then with every
   * non-alphanumeric character replaced by '_' and upper-cased ({@code SFUMATO_MEDIA_PORT}).
   */
  static ConfigLookup environment(Map<String, String> env) {
    return key -> {
      String exact = env.get(key);
      if (exact != null) {
        return Optional.of(exact);
      }
      String mapped = key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
      return Optional.ofNullable(env.get(mapped));
    };
  }

  /**
   * MicroProfile Config when the server provides it (feature {@code mpConfig}); otherwise system
   * properties then environment variables, which MicroProfile Config would have read anyway.
   */
  static ConfigLookup microProfileOrSystem(ClassLoader loader) {
    try {
      return MicroProfileLookup.create(loader);
    } catch (VirtualMachineError e) {
      throw e;
    } catch (
        Throwable
            e) { // NoClassDefFoundError without the API, IllegalStateException without an impl
      Logger.getLogger(ConfigLookup.class.getName())
          .log(Level.FINE, "MicroProfile Config unavailable, using system properties and env", e);
      return firstOf(systemProperties(), environment(System.getenv()));
    }
  }
}
