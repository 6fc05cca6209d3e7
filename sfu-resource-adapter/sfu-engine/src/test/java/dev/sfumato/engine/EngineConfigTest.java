package dev.sfumato.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EngineConfigTest {

  private static final InetAddress LOOPBACK = EngineConfig.loopback();

  @Test
  void defaultsUseOneWorkerPerCoreOnLoopback() {
    EngineConfig config = EngineConfig.defaults();
    assertThat(config.workers()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(config.bindAddress().getHostAddress()).isEqualTo("127.0.0.1");
    assertThat(config.announcedAddress().getHostAddress()).isEqualTo("127.0.0.1");
    assertThat(config.basePort()).isEqualTo(7882);
    assertThat(config.portOf(1)).isEqualTo(7883);
  }

  @Test
  void ephemeralBasePortGivesEveryWorkerPortZero() {
    assertThat(new EngineConfig(4, LOOPBACK, 0, LOOPBACK).portOf(3)).isZero();
  }

  @Test
  void rejectsOutOfRangeValues() throws Exception {
    assertThatThrownBy(() -> new EngineConfig(0, LOOPBACK, 0, LOOPBACK))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EngineConfig(257, LOOPBACK, 0, LOOPBACK))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EngineConfig(1, LOOPBACK, -1, LOOPBACK))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EngineConfig(1, LOOPBACK, 65536, LOOPBACK))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EngineConfig(2, LOOPBACK, 65535, LOOPBACK))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EngineConfig(1, null, 0, LOOPBACK))
        .isInstanceOf(NullPointerException.class);
    InetAddress wildcard = InetAddress.getByName("0.0.0.0");
    assertThatThrownBy(() -> new EngineConfig(1, wildcard, 0, wildcard))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new EngineConfig(1, wildcard, 65535, LOOPBACK).bindAddress()).isEqualTo(wildcard);
  }

  @Test
  void speakerIntervalDefaultsToHalfASecondAndIsBounded() {
    EngineConfig config = new EngineConfig(1, LOOPBACK, 0, LOOPBACK);
    assertThat(config.speakerInterval()).isEqualTo(Duration.ofMillis(500));
    assertThat(config.withSpeakerInterval(Duration.ofMillis(200)).speakerInterval())
        .isEqualTo(Duration.ofMillis(200));
    assertThatThrownBy(() -> config.withSpeakerInterval(Duration.ofMillis(10)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> config.withSpeakerInterval(Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> config.withSpeakerInterval(null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void faultInjectionIsOffByDefaultAndSurvivesOtherWithers() {
    EngineConfig config = new EngineConfig(1, LOOPBACK, 0, LOOPBACK);
    assertThat(config.faultInjection()).isFalse();
    EngineConfig on = config.withFaultInjection(true);
    assertThat(on.faultInjection()).isTrue();
    assertThat(on.withSpeakerInterval(Duration.ofMillis(200)).faultInjection()).isTrue();
    assertThat(on.withFaultInjection(false)).isEqualTo(config);
  }
}
