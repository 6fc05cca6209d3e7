package dev.sfumato.engine.api;

import java.util.Objects;

/**
 * One audio producer's place in a router's speaker list (LiveKit's {@code SpeakerInfo}).
 *
 * @param producer the audio producer
 * @param level linear amplitude 0..1 (1 is 0 dBov, RFC 6464 §3), smoothed over the observer's
 *     windows; 0 for a speaker that stopped
 * @param active true while speaking; false once, in the event that clears a speaker who stopped
 */
public record SpeakerLevel(ProducerId producer, float level, boolean active) {
  public SpeakerLevel {
    Objects.requireNonNull(producer, "producer");
    if (!(level >= 0f && level <= 1f)) { // also refuses NaN
      throw Checks.invalid("level must be 0..1, was " + level);
    }
  }
}
