package dev.sfumato.ra;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.resource.spi.InvalidPropertyException;
import org.junit.jupiter.api.Test;

class EngineEventActivationSpecTest {

  @Test
  void validateRejectsUnknownEventNames() {
    EngineEventActivationSpec spec = new EngineEventActivationSpec();
    assertThatCode(spec::validate).doesNotThrowAnyException();
    spec.setEventTypes("WorkerStarted,RouterClosed");
    assertThatCode(spec::validate).doesNotThrowAnyException();
    spec.setEventTypes("WorkerStarted,RoomCreated");
    assertThatThrownBy(spec::validate)
        .isInstanceOf(InvalidPropertyException.class)
        .hasMessageContaining("RoomCreated");
  }
}
