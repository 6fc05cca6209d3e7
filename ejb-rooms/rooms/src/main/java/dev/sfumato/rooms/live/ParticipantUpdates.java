package dev.sfumato.rooms.live;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import livekit.LivekitModels.ParticipantInfo;
import livekit.LivekitRtc.SignalResponse;

/**
 * When a room's participants hear of each other's changes (LiveKit's participant update batching,
 * pkg/rtc/room.go): a publisher's change or a departure goes out at once, any other change waits,
 * latest per participant, for {@link #flush()} on the session worker's tick, so a burst of metadata
 * or permission changes costs one update. Hidden participants are only told about themselves. Apart
 * from {@link Room} because this policy is independent of membership and publishing. Called under
 * the room's monitor.
 */
final class ParticipantUpdates {
  private final Collection<Participant> members;
  private final Map<String, ParticipantInfo> pending = new LinkedHashMap<>();

  /** {@code members}: a live view of the room's participants, the recipients. */
  ParticipantUpdates(Collection<Participant> members) {
    this.members = members;
  }

  /** Tells everyone about {@code p}'s new state: at once or at the next {@link #flush()}. */
  void broadcast(Participant p) {
    p.touch();
    ParticipantInfo info = p.info();
    if (p.isPublisher() || !p.connected()) {
      pending.remove(p.sid);
      send(List.of(info), p);
    } else {
      pending.put(p.sid, info);
    }
  }

  /** Sends the batched updates. */
  void flush() {
    if (pending.isEmpty()) {
      return;
    }
    List<ParticipantInfo> batch = new ArrayList<>(pending.values());
    pending.clear();
    SignalResponse visible = Signals.update(visibleOnly(batch));
    for (Participant to : members) {
      if (!visible.getUpdate().getParticipantsList().isEmpty()) {
        to.send(visible);
      }
    }
  }

  /** {@code p} left: its batched update is dropped (its departure went out at once). */
  void forget(Participant p) {
    pending.remove(p.sid);
  }

  private void send(List<ParticipantInfo> infos, Participant subject) {
    SignalResponse message = Signals.update(infos);
    for (Participant to : members) {
      if (!subject.hidden() || to == subject) {
        to.send(message);
      }
    }
  }

  private List<ParticipantInfo> visibleOnly(Collection<ParticipantInfo> infos) {
    return infos.stream().filter(i -> !i.getPermission().getHidden()).toList();
  }
}
