package dev.sfumato.rooms.domain;

import java.util.List;

/**
 * What a caller asks for when it creates a room. Zero timeouts mean "the default", as in LiveKit's
 * {@code CreateRoomRequest}; validation happens here so that every entry point refuses the same
 * input with the same message.
 */
public record CreateRoomSpec(
    String name,
    int emptyTimeout,
    int departureTimeout,
    int maxParticipants,
    String metadata,
    List<Codec> enabledCodecs) {

  public CreateRoomSpec {
    RoomNames.requireValid(name);
    emptyTimeout = timeout("empty_timeout", emptyTimeout, Limits.DEFAULT_EMPTY_TIMEOUT_SECONDS);
    departureTimeout =
        timeout("departure_timeout", departureTimeout, Limits.DEFAULT_DEPARTURE_TIMEOUT_SECONDS);
    if (maxParticipants < 0 || maxParticipants > Limits.MAX_PARTICIPANTS) {
      throw invalid("max_participants must be between 0 and " + Limits.MAX_PARTICIPANTS);
    }
    metadata = metadata == null ? "" : metadata;
    if (metadata.length() > Limits.MAX_METADATA_LENGTH) {
      throw invalid("metadata exceeds " + Limits.MAX_METADATA_LENGTH + " characters");
    }
    enabledCodecs =
        enabledCodecs == null || enabledCodecs.isEmpty()
            ? Codec.DEFAULTS
            : List.copyOf(enabledCodecs);
  }

  /** A room with every setting at its default. */
  public static CreateRoomSpec named(String name) {
    return new CreateRoomSpec(name, 0, 0, 0, "", List.of());
  }

  private static int timeout(String field, int seconds, int defaultSeconds) {
    if (seconds < 0 || seconds > Limits.MAX_TIMEOUT_SECONDS) {
      throw invalid(field + " must be between 0 and " + Limits.MAX_TIMEOUT_SECONDS + " seconds");
    }
    return seconds == 0 ? defaultSeconds : seconds;
  }

  private static RoomException invalid(String message) {
    return new RoomException(RoomException.Code.INVALID_ARGUMENT, message);
  }
}
