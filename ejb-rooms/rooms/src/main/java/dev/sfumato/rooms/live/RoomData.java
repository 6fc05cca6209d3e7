package dev.sfumato.rooms.live;

import com.google.protobuf.ByteString;
import dev.sfumato.engine.api.DataChannelParameters;
import dev.sfumato.engine.api.DataConsumerId;
import dev.sfumato.engine.api.DataProducerId;
import dev.sfumato.engine.api.DataProducerInfo;
import dev.sfumato.engine.api.TransportId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import livekit.LivekitModels.DataPacket;

/**
 * Data messages between a room's LiveKit participants (LiveKit's Room.onDataMessage and
 * BroadcastDataPacketForRoom, pkg/rtc/room.go): what one participant sends on {@code _reliable} or
 * {@code _lossy} is checked and stamped ({@link DataPackets}), encoded once, and sent to everyone
 * else, or only to the packet's destination identities (and deprecated destination sids), on the
 * recipient's channel of the same kind. Like LiveKit, recipients are every participant of the room
 * with data channels: hidden ones and those that cannot subscribe included. The server API sends
 * through the same path without a sender.
 *
 * <p>Called under the room's monitor. Nothing here throws for what a peer sent: such messages are
 * counted drops ({@link DataDrop}), logged at most once per {@link #LOG_INTERVAL_NANOS} per reason.
 */
final class RoomData {
  private static final Logger LOG = Logger.getLogger(RoomData.class.getName());
  private static final long LOG_INTERVAL_NANOS = 10_000_000_000L;

  /** LiveKit's UserPacketDeduper remembers the last 100 nonces of a room. */
  static final int NONCES_REMEMBERED = 100;

  private final Room room;
  private final Map<DataDrop, Long> drops = new EnumMap<>(DataDrop.class);
  private final Map<DataDrop, Long> loggedAt = new EnumMap<>(DataDrop.class);
  private final Map<ByteString, Boolean> nonces =
      new LinkedHashMap<>(NONCES_REMEMBERED * 2) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteString, Boolean> eldest) {
          return size() > NONCES_REMEMBERED;
        }
      };

  RoomData(Room room) {
    this.room = room;
  }

  // ---- channels ----

  /**
   * The participant opened a channel. On its own {@code _reliable}/{@code _lossy} the room answers
   * on the same stream (a channel opened again with the same label replaces the old one, as in
   * LiveKit); reliable messages that waited for it go out.
   */
  void producerOpened(Participant p, DataProducerInfo info) {
    if (!member(p)) {
      return;
    }
    p.data.producers.put(info.id(), info);
    ParticipantData.Label label = ParticipantData.Label.of(info.channel().label());
    boolean ownConnection = p.publisher != null && p.publisher.id().equals(info.transportId());
    if (!ownConnection
        || (label != ParticipantData.Label.RELIABLE && label != ParticipantData.Label.LOSSY)) {
      return;
    }
    for (DataProducerId older : List.copyOf(p.data.answers.keySet())) {
      DataProducerInfo o = p.data.producers.get(older);
      if (o != null && o.channel().label().equals(info.channel().label())) {
        close(p.data.answers.remove(older));
      }
    }
    try {
      p.data.answers.put(info.id(), room.media.openDataChannel(info.transportId(), info.channel()));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "cannot answer on " + info.channel().label() + " of " + p.identity, e);
      return;
    }
    flush(p);
  }

  void producerClosed(Participant p, DataProducerId id) {
    p.data.producers.remove(id);
    DataConsumerId answer = p.data.answers.remove(id);
    if (answer != null) {
      close(answer);
    }
  }

  void consumerClosed(Participant p, DataConsumerId id) {
    if (p.data.forget(id)) {
      LOG.fine(() -> "data channel " + id + " of " + p.identity + " closed");
    }
  }

  /**
   * v0: the subscriber connection's SCTP is started; the server opens its {@code _reliable} and
   * {@code _lossy} channels there (LiveKit creates them on the subscriber connection), and the room
   * sends on them from now on.
   */
  void subscriberReady(Participant p) {
    if (p.data.subscriberChannelsOpened || p.subscriber == null || !member(p)) {
      return;
    }
    p.data.subscriberChannelsOpened = true;
    TransportId transport = p.subscriber.id();
    try {
      p.data.subscriberReliable =
          room.media.openDataChannel(transport, DataChannelParameters.reliable("_reliable"));
      p.data.subscriberLossy =
          room.media.openDataChannel(transport, DataChannelParameters.lossy("_lossy"));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "cannot open the subscriber data channels of " + p.identity, e);
    }
    flush(p);
  }

  // ---- messages ----

  /** A message {@code p} sent on one of its channels. */
  void message(Participant p, DataProducerId producer, byte[] payload) {
    DataProducerInfo info = p.data.producers.get(producer);
    if (info == null || !member(p)) {
      drop(DataDrop.UNKNOWN_CHANNEL, p);
      return;
    }
    DataPacket.Kind kind;
    switch (ParticipantData.Label.of(info.channel().label())) {
      case RELIABLE -> kind = DataPacket.Kind.RELIABLE;
      case LOSSY -> kind = DataPacket.Kind.LOSSY;
      case DATA_TRACK -> {
        drop(DataDrop.DATA_TRACK, p);
        return;
      }
      default -> {
        drop(DataDrop.UNLABELED, p);
        return;
      }
    }
    DataPackets.Inbound in = DataPackets.fromParticipant(p, kind, payload);
    if (in.drop() != null) {
      drop(in.drop(), p);
      return;
    }
    broadcast(p, kind, in.packet());
  }

  /** The server API's data (RoomService.SendData): no sender, kind as the request says. */
  @SuppressWarnings("deprecation")
  void send(DataPacket packet) {
    broadcast(null, packet.getKind(), packet);
  }

  @SuppressWarnings("deprecation") // UserPacket.destination_sids is LiveKit's deprecated field
  private void broadcast(Participant source, DataPacket.Kind kind, DataPacket packet) {
    DataPacket dp = DataPackets.forBroadcast(packet, kind);
    if (dp.hasUser() && duplicate(dp.getUser().getNonce())) {
      drop(DataDrop.DUPLICATE, source);
      return;
    }
    List<String> sids = dp.getUser().getDestinationSidsList();
    List<String> identities = dp.getDestinationIdentitiesList();
    boolean everyone = sids.isEmpty() && identities.isEmpty();
    List<Participant> to = new ArrayList<>();
    for (Participant p : room.participants()) {
      if (p == source || p.protocol == Participant.Protocol.HTTP) {
        continue;
      }
      if (everyone || sids.contains(p.sid) || identities.contains(p.identity)) {
        to.add(p);
      }
    }
    if (to.isEmpty()) {
      return;
    }
    byte[] bytes = dp.toByteArray();
    for (Participant p : to) {
      deliver(p, kind, bytes);
    }
  }

  private void deliver(Participant p, DataPacket.Kind kind, byte[] bytes) {
    DataConsumerId channel = p.data.channel(kind);
    if (channel == null) {
      if (kind != DataPacket.Kind.RELIABLE) {
        drop(DataDrop.NO_CHANNEL, p);
      } else if (!p.data.enqueue(bytes)) {
        drop(DataDrop.QUEUE_OVERFLOW, p);
      }
      return;
    }
    send(p, channel, bytes);
  }

  /** Sends the reliable messages that waited, in order, once {@code p} has a reliable channel. */
  private void flush(Participant p) {
    DataConsumerId channel = p.data.channel(DataPacket.Kind.RELIABLE);
    if (channel == null || p.data.pendingCount() == 0) {
      return;
    }
    for (byte[] message : p.data.drain()) {
      send(p, channel, message);
    }
  }

  private void send(Participant p, DataConsumerId channel, byte[] bytes) {
    try {
      room.media.sendData(channel, bytes);
    } catch (RuntimeException e) {
      drop(DataDrop.SEND_FAILED, p);
    }
  }

  /** Whether a 16-byte nonce was seen among the last ones (other lengths are never duplicates). */
  private boolean duplicate(ByteString nonce) {
    if (nonce.size() != 16) {
      return false;
    }
    return nonces.put(nonce, Boolean.TRUE) != null;
  }

  // ---- bookkeeping ----

  /** Messages not delivered for {@code reason} since the room opened. */
  long dropped(DataDrop reason) {
    return drops.getOrDefault(reason, 0L);
  }

  private void drop(DataDrop reason, Participant about) {
    long count = drops.merge(reason, 1L, Long::sum);
    long now = System.nanoTime();
    Long last = loggedAt.get(reason);
    if (last == null || now - last >= LOG_INTERVAL_NANOS) {
      loggedAt.put(reason, now);
      String who = about == null ? "the server" : about.identity;
      LOG.info(
          () -> "room " + room.name + ": data dropped, " + reason + " (" + who + "), " + count);
    }
  }

  private boolean member(Participant p) {
    return p.connected() && room.byIdentity(p.identity) == p;
  }

  private void close(DataConsumerId channel) {
    try {
      room.media.closeDataChannel(channel);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "closing data channel " + channel, e);
    }
  }
}
