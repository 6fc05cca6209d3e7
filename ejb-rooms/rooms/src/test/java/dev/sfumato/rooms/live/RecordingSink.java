package dev.sfumato.rooms.live;

import java.util.ArrayList;
import java.util.List;
import livekit.LivekitModels.ParticipantInfo;
import livekit.LivekitRtc.SignalResponse;
import livekit.LivekitRtc.SignalResponse.MessageCase;

/** A {@link SignalSink} that keeps what it was sent, and whether (and why) it was closed. */
final class RecordingSink implements SignalSink {
  final List<SignalResponse> sent = new ArrayList<>();
  String closedReason;

  @Override
  public void send(SignalResponse message) {
    sent.add(message);
  }

  @Override
  public void close(String reason) {
    closedReason = reason;
  }

  boolean closed() {
    return closedReason != null;
  }

  List<SignalResponse> of(MessageCase kind) {
    return sent.stream().filter(m -> m.getMessageCase() == kind).toList();
  }

  SignalResponse last(MessageCase kind) {
    List<SignalResponse> all = of(kind);
    if (all.isEmpty()) {
      throw new AssertionError("no " + kind + " among " + cases());
    }
    return all.get(all.size() - 1);
  }

  List<MessageCase> cases() {
    return sent.stream().map(SignalResponse::getMessageCase).toList();
  }

  /** The participant infos of every {@code update} received, in order. */
  List<ParticipantInfo> updates() {
    return of(MessageCase.UPDATE).stream()
        .flatMap(m -> m.getUpdate().getParticipantsList().stream())
        .toList();
  }

  void clear() {
    sent.clear();
  }
}
