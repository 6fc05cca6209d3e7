package dev.sfumato.rooms.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CreateRoomSpecTest {

  @Test
  void zeroMeansTheDefaultsAsInLiveKit() {
    CreateRoomSpec spec = CreateRoomSpec.named("room");
    assertThat(spec.emptyTimeout()).isEqualTo(Limits.DEFAULT_EMPTY_TIMEOUT_SECONDS);
    assertThat(spec.departureTimeout()).isEqualTo(Limits.DEFAULT_DEPARTURE_TIMEOUT_SECONDS);
    assertThat(spec.maxParticipants()).isZero();
    assertThat(spec.metadata()).isEmpty();
    assertThat(spec.enabledCodecs()).isEqualTo(Codec.DEFAULTS);
  }

  @Test
  void keepsWhatTheCallerAskedFor() {
    CreateRoomSpec spec =
        new CreateRoomSpec("r", 10, 5, 3, "m", List.of(new Codec("video/VP8", null)));
    assertThat(spec.emptyTimeout()).isEqualTo(10);
    assertThat(spec.departureTimeout()).isEqualTo(5);
    assertThat(spec.maxParticipants()).isEqualTo(3);
    assertThat(spec.enabledCodecs()).containsExactly(new Codec("video/VP8", ""));
  }

  @Test
  void refusesBadInputWithInvalidArgument() {
    assertInvalid(() -> CreateRoomSpec.named(""), "required");
    assertInvalid(() -> CreateRoomSpec.named(" "), "required");
    assertInvalid(() -> CreateRoomSpec.named(null), "required");
    assertInvalid(() -> CreateRoomSpec.named("a".repeat(257)), "256");
    assertInvalid(() -> CreateRoomSpec.named("tab\there"), "control");
    assertInvalid(() -> new CreateRoomSpec("r", -1, 0, 0, "", List.of()), "empty_timeout");
    assertInvalid(() -> new CreateRoomSpec("r", 0, 86_401, 0, "", List.of()), "departure_timeout");
    assertInvalid(() -> new CreateRoomSpec("r", 0, 0, -1, "", List.of()), "max_participants");
    assertInvalid(
        () -> new CreateRoomSpec("r", 0, 0, 0, "x".repeat(64_001), List.of()), "metadata");
    assertInvalid(() -> new Codec("text/plain", ""), "mime");
  }

  @Test
  void theLongestAllowedValuesPass() {
    CreateRoomSpec spec =
        new CreateRoomSpec(
            "n".repeat(256), 86_400, 86_400, Limits.MAX_PARTICIPANTS, "x".repeat(64_000), null);
    assertThat(spec.name()).hasSize(256);
  }

  private static void assertInvalid(Runnable r, String messagePart) {
    assertThatThrownBy(r::run)
        .isInstanceOfSatisfying(
            RoomException.class,
            e -> {
              assertThat(e.code()).isEqualTo(RoomException.Code.INVALID_ARGUMENT);
              assertThat(e.getMessage()).contains(messagePart);
            });
  }
}
