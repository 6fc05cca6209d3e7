package dev.sfumato.rooms.domain;

/**
 * Every limit of the session layer in one place, with its unit and reason (LiveKit keeps the same
 * values in its {@code LimitConfig}).
 */
public final class Limits {
  /** Characters. LiveKit refuses longer room names; they end up in URLs and logs. */
  public static final int MAX_ROOM_NAME_LENGTH = 256;

  /** Characters of room metadata; LiveKit's default {@code max_metadata_size}. */
  public static final int MAX_METADATA_LENGTH = 64_000;

  /** Seconds a room waits for its first participant before it closes (LiveKit's default). */
  public static final int DEFAULT_EMPTY_TIMEOUT_SECONDS = 300;

  /** Seconds a room stays open after the last participant left (LiveKit's default). */
  public static final int DEFAULT_DEPARTURE_TIMEOUT_SECONDS = 20;

  /** Upper bound for both timeouts: one day, in seconds; longer values are surely a mistake. */
  public static final int MAX_TIMEOUT_SECONDS = 86_400;

  /** Participants per room; 0 in a request means unlimited. */
  public static final int MAX_PARTICIPANTS = 10_000;

  /** Milliseconds the session layer waits for a media engine command before giving up. */
  public static final long ENGINE_CALL_TIMEOUT_MS = 5_000;

  private Limits() {}
}
