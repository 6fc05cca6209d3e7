package dev.sfumato.ra.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sfumato.engine.EngineConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MediaSettingsTest {

  @Test
  void defaultsAreOneWorkerPerCoreOnLoopbackFrom7882() {
    EngineConfig config = MediaSettings.resolve(ConfigLookup.of(Map.of()));
    assertThat(config.workers()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(config.bindAddress().getHostAddress()).isEqualTo("127.0.0.1");
    assertThat(config.basePort()).isEqualTo(7882);
    assertThat(config.announcedAddress()).isEqualTo(config.bindAddress());
    assertThat(config.faultInjection()).isFalse();
  }

  @Test
  void faultInjectionIsReadAndATypoIsAnError() {
    assertThat(
            MediaSettings.resolve(
                    ConfigLookup.of(Map.of("sfumato.media.fault-injection", " TRUE ")))
                .faultInjection())
        .isTrue();
    assertThat(
            MediaSettings.resolve(ConfigLookup.of(Map.of("sfumato.media.fault-injection", "false")))
                .faultInjection())
        .isFalse();
    assertThatThrownBy(
            () ->
                MediaSettings.resolve(
                    ConfigLookup.of(Map.of("sfumato.media.fault-injection", "yes"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sfumato.media.fault-injection");
  }

  @Test
  void readsEveryKey() {
    EngineConfig config =
        MediaSettings.resolve(
            ConfigLookup.of(
                Map.of(
                    "sfumato.media.workers", "3",
                    "sfumato.media.bind-address", "0.0.0.0",
                    "sfumato.media.port", " 40000 ",
                    "sfumato.media.announced-address", "192.0.2.7")));
    assertThat(config.workers()).isEqualTo(3);
    assertThat(config.bindAddress().isAnyLocalAddress()).isTrue();
    assertThat(config.basePort()).isEqualTo(40000);
    assertThat(config.announcedAddress().getHostAddress()).isEqualTo("192.0.2.7");
  }

  @Test
  void wildcardBindWithoutAnnouncedAddressAnnouncesLoopback() {
    EngineConfig config =
        MediaSettings.resolve(ConfigLookup.of(Map.of("sfumato.media.bind-address", "0.0.0.0")));
    assertThat(config.announcedAddress().getHostAddress()).isEqualTo("127.0.0.1");
  }

  @Test
  void invalidValuesNameTheirKey() {
    assertThatThrownBy(
            () -> MediaSettings.resolve(ConfigLookup.of(Map.of("sfumato.media.workers", "many"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sfumato.media.workers");
    assertThatThrownBy(
            () -> MediaSettings.resolve(ConfigLookup.of(Map.of("sfumato.media.port", "70000"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("basePort");
  }

  @Test
  void environmentUsesMicroProfileNameMapping() {
    ConfigLookup env =
        ConfigLookup.environment(
            Map.of("SFUMATO_MEDIA_BIND_ADDRESS", "127.0.0.2", "SFUMATO_MEDIA_WORKERS", "5"));
    assertThat(env.get("sfumato.media.bind-address")).contains("127.0.0.2");
    assertThat(env.get("sfumato.media.workers")).contains("5");
    assertThat(env.get("sfumato.media.port")).isEmpty();
  }

  @Test
  void firstNonBlankSourceWins() {
    ConfigLookup chain =
        ConfigLookup.firstOf(
            ConfigLookup.of(Map.of("a", " ")),
            ConfigLookup.of(Map.of("a", "second", "b", "b1")),
            ConfigLookup.of(Map.of("a", "third")));
    assertThat(chain.get("a")).contains("second");
    assertThat(chain.get("b")).contains("b1");
    assertThat(chain.get("c")).isEmpty();
  }

  @Test
  void withoutAMicroProfileImplementationSystemPropertiesAreRead() {
    // The test class path has the MicroProfile Config API but no implementation.
    System.setProperty("sfumato.test.only", "from-system");
    try {
      ConfigLookup lookup = ConfigLookup.microProfileOrSystem(getClass().getClassLoader());
      assertThat(lookup.get("sfumato.test.only")).contains("from-system");
    } finally {
      System.clearProperty("sfumato.test.only");
    }
  }
}
