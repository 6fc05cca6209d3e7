package dev.sfumato.rooms.live;

import dev.sfumato.engine.api.ProducerId;
import dev.sfumato.engine.api.SpeakerLevel;
import java.util.Collection;
import java.util.List;
import livekit.LivekitModels.SpeakerInfo;
import livekit.LivekitRtc.SignalResponse;
import livekit.LivekitRtc.SpeakersChanged;

/**
 * LiveKit's {@code speakers_changed} from the engine's audio-level observer: the engine names
 * producers, clients participants, so each level is mapped to the participant publishing that
 * producer. Hidden participants never appear. Apart from {@link Room} as the one translation of
 * engine audio levels into the signal protocol.
 */
final class Speakers {
  private Speakers() {}

  /**
   * The message for {@code levels} (loudest first; those that stopped with level 0 and active
   * false), or null when none of them is a visible participant of {@code members}.
   */
  static SignalResponse changed(List<SpeakerLevel> levels, Collection<Participant> members) {
    SpeakersChanged.Builder b = SpeakersChanged.newBuilder();
    for (SpeakerLevel level : levels) {
      Participant speaker = producerOwner(level.producer(), members);
      if (speaker != null && !speaker.hidden()) {
        b.addSpeakers(
            SpeakerInfo.newBuilder()
                .setSid(speaker.sid)
                .setLevel(level.level())
                .setActive(level.active()));
      }
    }
    return b.getSpeakersCount() > 0
        ? SignalResponse.newBuilder().setSpeakersChanged(b).build()
        : null;
  }

  private static Participant producerOwner(ProducerId producer, Collection<Participant> members) {
    for (Participant p : members) {
      for (Publication t : p.publications.values()) {
        if (producer.equals(t.producer)) {
          return p;
        }
      }
    }
    return null;
  }
}
