package dev.sfumato.rooms.live;

import dev.sfumato.engine.api.DataConsumerId;
import dev.sfumato.engine.api.DataProducerId;
import dev.sfumato.engine.api.DataProducerInfo;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import livekit.LivekitModels.DataPacket;

/**
 * A participant's data channels as its room sees them: the channels it sends on (the engine's data
 * producers, by label), the channels the room sends to it on, and the reliable messages that wait
 * for a channel. Guarded by the room's monitor.
 *
 * <p>Where the room sends (LiveKit sends on the primary connection's channels): in v0 on the {@code
 * _reliable}/{@code _lossy} channels the server opens on the subscriber connection; until those are
 * up, and always in v1, on the client's own channels of that label (the engine answers on the
 * client's stream id; livekit-client reads its publisher channels too).
 */
final class ParticipantData {
  /**
   * A reliable message for a participant whose reliable channel is not open yet waits, at most this
   * many per participant (LiveKit holds the unsequenced ones up to 100 kB and replays the others
   * from a room cache; one queue of both kinds needs more room).
   */
  static final int MAX_PENDING_MESSAGES = 1024;

  /** Bytes, the other bound of that queue: 4 MiB, 16 of Chromium's largest messages. */
  static final long MAX_PENDING_BYTES = 4L << 20;

  /** LiveKit's channel labels. */
  enum Label {
    RELIABLE,
    LOSSY,
    DATA_TRACK,
    OTHER;

    static Label of(String label) {
      return switch (label) {
        case "_reliable" -> RELIABLE;
        case "_lossy" -> LOSSY;
        case "_data_track" -> DATA_TRACK;
        default -> OTHER;
      };
    }
  }

  /** The channels the participant opened, by data producer. */
  final Map<DataProducerId, DataProducerInfo> producers = new HashMap<>();

  /** The channels of the room on the participant's own channels, by the producer they answer. */
  final Map<DataProducerId, DataConsumerId> answers = new HashMap<>();

  /** v0: the channels the server opened on the subscriber connection, null until then. */
  DataConsumerId subscriberReliable;

  DataConsumerId subscriberLossy;

  /** Whether the subscriber channels were asked for (once per session). */
  boolean subscriberChannelsOpened;

  /** The last reliable sequence number the participant sent (uint32), 0 before any. */
  long lastReliableSequence;

  private final ArrayDeque<byte[]> pending = new ArrayDeque<>();
  private long pendingBytes;

  /** Reliable messages lost because the queue was full. */
  long overflowed;

  /** The channel the room sends {@code kind} on, or null when none is open. */
  DataConsumerId channel(DataPacket.Kind kind) {
    boolean reliable = kind == DataPacket.Kind.RELIABLE;
    DataConsumerId sub = reliable ? subscriberReliable : subscriberLossy;
    if (sub != null) {
      return sub;
    }
    Label wanted = reliable ? Label.RELIABLE : Label.LOSSY;
    for (Map.Entry<DataProducerId, DataConsumerId> e : answers.entrySet()) {
      DataProducerInfo info = producers.get(e.getKey());
      if (info != null && Label.of(info.channel().label()) == wanted) {
        return e.getValue();
      }
    }
    return null;
  }

  /** Keeps a reliable message until a channel opens; false when the queue is full. */
  boolean enqueue(byte[] message) {
    if (pending.size() >= MAX_PENDING_MESSAGES
        || pendingBytes + message.length > MAX_PENDING_BYTES) {
      overflowed++;
      return false;
    }
    pending.addLast(message);
    pendingBytes += message.length;
    return true;
  }

  /** The waiting messages in arrival order, and an empty queue. */
  byte[][] drain() {
    byte[][] out = pending.toArray(new byte[0][]);
    pending.clear();
    pendingBytes = 0;
    return out;
  }

  int pendingCount() {
    return pending.size();
  }

  /** Forgets {@code id} wherever the room sent on it; true when it was one of ours. */
  boolean forget(DataConsumerId id) {
    boolean known = answers.values().removeIf(id::equals);
    if (id.equals(subscriberReliable)) {
      subscriberReliable = null;
      known = true;
    }
    if (id.equals(subscriberLossy)) {
      subscriberLossy = null;
      known = true;
    }
    return known;
  }
}
