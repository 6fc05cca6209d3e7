package dev.sfumato.ra.config;

import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The only class that touches MicroProfile Config, so that a server without it fails here (caught
 * by {@link ConfigLookup#microProfileOrSystem}) instead of in the resource adapter itself.
 */
final class MicroProfileLookup implements ConfigLookup {

  private final Config config;

  private MicroProfileLookup(Config config) {
    this.config = config;
  }

  static ConfigLookup create(ClassLoader loader) {
    return new MicroProfileLookup(ConfigProvider.getConfig(loader));
  }

  @Override
  public Optional<String> get(String key) {
    return config.getOptionalValue(key, String.class);
  }
}
