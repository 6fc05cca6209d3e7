package dev.sfumato.rooms.domain;

/** The rule for room names, shared by every entry point. */
public final class RoomNames {
  private RoomNames() {}

  /** Refuses empty, over-long names and names with control characters. */
  public static String requireValid(String name) {
    if (name == null || name.isBlank()) {
      throw new RoomException(RoomException.Code.INVALID_ARGUMENT, "room name is required");
    }
    if (name.length() > Limits.MAX_ROOM_NAME_LENGTH) {
      throw new RoomException(
          RoomException.Code.INVALID_ARGUMENT,
          "room name exceeds " + Limits.MAX_ROOM_NAME_LENGTH + " characters");
    }
    for (int i = 0; i < name.length(); i++) {
      if (Character.isISOControl(name.charAt(i))) {
        throw new RoomException(
            RoomException.Code.INVALID_ARGUMENT, "room name contains control characters");
      }
    }
    return name;
  }
}
