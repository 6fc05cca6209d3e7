package dev.sfumato.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RouterIdTest {

  @Test
  void randomIdsAreBase62WithPrefixAndDistinct() {
    RouterId a = RouterId.random();
    assertThat(a.value()).matches("RT_[0-9A-Za-z]{16}");
    assertThat(RouterId.random()).isNotEqualTo(a);
  }

  @Test
  void rejectsBlankAndOverlongValues() {
    for (String bad : new String[] {null, "", "   ", "x".repeat(65)}) {
      assertThatThrownBy(() -> new RouterId(bad))
          .isInstanceOfSatisfying(
              EngineException.class,
              e -> assertThat(e.code()).isEqualTo(EngineException.Code.INVALID_ARGUMENT));
    }
    assertThat(new RouterId("x".repeat(64)).value()).hasSize(64);
  }

  @Test
  void engineDumpNeedsEveryWorkerRunning() {
    WorkerDump up = new WorkerDump(0, "127.0.0.1:1", true, 0, 0, 0, java.util.Map.of());
    WorkerDump down = new WorkerDump(1, "127.0.0.1:2", false, 0, 0, 0, java.util.Map.of());
    assertThat(new EngineDump(java.util.List.of(up)).allWorkersBound()).isTrue();
    assertThat(new EngineDump(java.util.List.of(up, down)).allWorkersBound()).isFalse();
    assertThat(new EngineDump(java.util.List.of()).allWorkersBound()).isFalse();
  }
}
