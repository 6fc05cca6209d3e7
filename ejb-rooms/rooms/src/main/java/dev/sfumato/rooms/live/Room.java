package dev.sfumato.rooms.live;

import dev.sfumato.engine.api.RouterId;
import dev.sfumato.engine.api.SpeakerLevel;
import dev.sfumato.engine.api.TransportId;
import dev.sfumato.engine.api.WebRtcTransportInfo;
import dev.sfumato.rooms.domain.RoomException;
import dev.sfumato.rooms.domain.RoomSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import livekit.LivekitModels;
import livekit.LivekitModels.DisconnectReason;
import livekit.LivekitModels.ParticipantInfo;
import livekit.LivekitRtc.JoinResponse;
import livekit.LivekitRtc.LeaveRequest;
import livekit.LivekitRtc.SignalResponse;

/**
 * A live room (LiveKit's rtc.Room): who is in it, what they publish and who receives what. Every
 * method runs under the room's monitor, so one room's signal requests, media commands and
 * broadcasts are serialised; rooms are independent of each other. Messages leave through the
 * participants' {@link SignalSink}s, which never block.
 *
 * <p>Participant updates follow LiveKit: changes of a publisher (or a departure) go out at once,
 * other changes are batched and flushed by {@link #flushUpdates()} (the session worker's tick);
 * {@link ParticipantUpdates} keeps that policy, {@link RoomData} the data channels.
 */
public final class Room {
  private static final Logger LOG = Logger.getLogger(Room.class.getName());

  final String name;
  final String sid;
  final RouterId router;
  final Media media;
  final ServerSettings settings;
  final long creationTimeMs;
  final Negotiation negotiation;
  final RoomData data;

  /** Whose each engine transport of this room is; shared by every room of a {@link LiveRooms}. */
  private final Map<TransportId, TransportOwner> transports;

  String metadata;
  int maxParticipants;
  int emptyTimeoutSeconds;
  int departureTimeoutSeconds;

  private final Map<String, Participant> participants = new LinkedHashMap<>();
  private final ParticipantUpdates updates = new ParticipantUpdates(participants.values());
  private boolean closed;
  private boolean everJoined;
  private long emptySinceNanos;

  Room(RoomSnapshot snapshot, Media media, ServerSettings settings, long nowNanos) {
    this(snapshot, media, settings, nowNanos, new ConcurrentHashMap<>());
  }

  Room(
      RoomSnapshot snapshot,
      Media media,
      ServerSettings settings,
      long nowNanos,
      Map<TransportId, TransportOwner> transports) {
    this.transports = transports;
    this.name = snapshot.name();
    this.sid = snapshot.sid();
    this.router = new RouterId(snapshot.routerId());
    this.media = media;
    this.settings = settings;
    this.creationTimeMs = snapshot.creationTime().toEpochMilli();
    this.metadata = snapshot.metadata();
    this.maxParticipants = snapshot.maxParticipants();
    this.emptyTimeoutSeconds = snapshot.emptyTimeout();
    this.departureTimeoutSeconds = snapshot.departureTimeout();
    this.emptySinceNanos = nowNanos;
    this.negotiation = new Negotiation(this);
    this.data = new RoomData(this);
  }

  // ---- membership ----

  /**
   * Adds {@code p} (LiveKit's room.Join): refused when the room is closed or full; a participant
   * with the same identity is replaced (it gets a leave with DUPLICATE_IDENTITY). Sends the join
   * response, tells the others, and subscribes {@code p} to what is published when it
   * auto-subscribes.
   */
  synchronized void join(Participant p, SignalSink sink) {
    if (closed) {
      throw new RoomException(RoomException.Code.NOT_FOUND, "room " + name + " is closed");
    }
    Participant old = participants.get(p.identity);
    if (old == null && maxParticipants > 0 && countVisible() >= maxParticipants) {
      throw new RoomException(RoomException.Code.RESOURCE_EXHAUSTED, "room " + name + " is full");
    }
    if (old != null) {
      remove(old, DisconnectReason.DUPLICATE_IDENTITY, true);
    }
    p.sink = sink;
    participants.put(p.identity, p);
    everJoined = true;
    emptySinceNanos = 0;
    p.state = ParticipantInfo.State.JOINED;
    if (sink != null) {
      p.sink.send(joinResponse(p));
    }
    broadcast(p);
    if (p.autoSubscribe && p.permission.getCanSubscribe()) {
      for (Participant other : participants.values()) {
        if (other != p) {
          other.publications.values().stream()
              .filter(Publication::live)
              .forEach(t -> negotiation.subscribe(p, t));
        }
      }
    }
    if (subscriberPrimary(p)) {
      // The client waits for its primary (subscriber) connection, which only the server's offer
      // starts: at once, with the data channel section even when nothing is subscribed yet.
      negotiation.openSubscriber(p);
    }
    LOG.info(() -> "participant " + p.identity + " (" + p.sid + ") joined " + name);
  }

  /** The participant leaves (or is removed); its tracks are unpublished everywhere. */
  synchronized void leave(Participant p, DisconnectReason reason, boolean tellIt) {
    if (participants.get(p.identity) == p) {
      remove(p, reason, tellIt);
    }
  }

  private void remove(Participant p, DisconnectReason reason, boolean tellIt) {
    if (tellIt) {
      p.send(Signals.leave(reason, LeaveRequest.Action.DISCONNECT));
    }
    for (Publication t : new ArrayList<>(p.publications.values())) {
      unpublish(t, false);
    }
    negotiation.closeSubscriptions(p);
    p.state = ParticipantInfo.State.DISCONNECTED;
    p.disconnectReason = reason;
    participants.remove(p.identity);
    updates.forget(p);
    closePeers(p);
    SignalSink sink = p.sink;
    if (sink != null) {
      sink.close(reason.name());
    }
    broadcast(p);
    if (participants.isEmpty()) {
      emptySinceNanos = System.nanoTime();
    }
    LOG.info(() -> "participant " + p.identity + " left " + name + ": " + reason);
  }

  private void closePeers(Participant p) {
    if (p.publisher != null) {
      closeTransportQuietly(p.publisher.id());
    }
    if (p.subscriber != null) {
      closeTransportQuietly(p.subscriber.id());
    }
  }

  /** A new engine transport for one of {@code p}'s connections, known by its id from now on. */
  WebRtcTransportInfo newTransport(Participant p) {
    WebRtcTransportInfo info = media.createTransport(router);
    transports.put(info.id(), new TransportOwner(this, p));
    return info;
  }

  void closeTransportQuietly(TransportId id) {
    transports.remove(id);
    try {
      media.closeTransport(id);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "closing transport " + id, e);
    }
  }

  synchronized Participant byIdentity(String identity) {
    return participants.get(identity);
  }

  synchronized Participant bySid(String participantSid) {
    for (Participant p : participants.values()) {
      if (p.sid.equals(participantSid)) {
        return p;
      }
    }
    return null;
  }

  synchronized List<Participant> participants() {
    return List.copyOf(participants.values());
  }

  synchronized Publication track(String trackSid) {
    for (Participant p : participants.values()) {
      Publication t = p.publications.get(trackSid);
      if (t != null) {
        return t;
      }
    }
    return null;
  }

  // ---- publishing ----

  /** A track became live: others see it and auto-subscribers get it. */
  void published(Publication t) {
    broadcast(t.owner);
    for (Participant other : participants.values()) {
      if (other != t.owner && other.autoSubscribe && other.permission.getCanSubscribe()) {
        negotiation.subscribe(other, t);
      }
    }
  }

  /** Ends a publication: its subscriptions close, the publisher is told when it did not ask. */
  synchronized void unpublish(Publication t, boolean tellOwner) {
    t.owner.publications.remove(t.sid);
    t.owner.pendingTracks.remove(t.cid);
    negotiation.dropSubscriptionsOf(t);
    if (t.producer != null) {
      try {
        media.closeProducer(t.producer);
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "closing producer " + t.producer, e);
      }
      t.producer = null;
    }
    if (tellOwner) {
      t.owner.send(Signals.trackUnpublished(t.sid));
    }
    broadcast(t.owner);
  }

  // ---- updates ----

  /**
   * Tells everyone about {@code p}'s new state: at once when it publishes or left, otherwise at the
   * next {@link #flushUpdates()} (see {@link ParticipantUpdates}).
   */
  void broadcast(Participant p) {
    updates.broadcast(p);
  }

  /** Sends the batched participant updates. */
  synchronized void flushUpdates() {
    updates.flush();
  }

  synchronized void updateMetadata(String newMetadata) {
    metadata = newMetadata;
    SignalResponse update = Signals.roomUpdate(info());
    participants.values().forEach(p -> p.send(update));
  }

  /** LiveKit's {@code speakers_changed} for the engine's audio levels (see {@link Speakers}). */
  synchronized void speakersChanged(List<SpeakerLevel> levels) {
    SignalResponse message = Speakers.changed(levels, participants.values());
    if (message != null) {
      participants.values().forEach(p -> p.send(message));
    }
  }

  // ---- lifecycle ----

  /** True when the room has been empty longer than its timeout (departure once anyone joined). */
  synchronized boolean idle(long nowNanos) {
    if (closed || !participants.isEmpty() || emptySinceNanos == 0) {
      return closed;
    }
    int timeout = everJoined ? departureTimeoutSeconds : emptyTimeoutSeconds;
    return nowNanos - emptySinceNanos >= timeout * 1_000_000_000L;
  }

  /** Closes the room: everyone is told (ROOM_DELETED or ROOM_CLOSED) and removed. */
  synchronized void close(DisconnectReason reason) {
    for (Participant p : new ArrayList<>(participants.values())) {
      remove(p, reason, true);
    }
    closed = true;
  }

  synchronized boolean closed() {
    return closed;
  }

  private int countVisible() {
    return (int) participants.values().stream().filter(p -> !p.hidden()).count();
  }

  synchronized LivekitModels.Room info() {
    int publishers = (int) participants.values().stream().filter(Participant::isPublisher).count();
    return LivekitModels.Room.newBuilder()
        .setSid(sid)
        .setName(name)
        .setMetadata(metadata)
        .setEmptyTimeout(emptyTimeoutSeconds)
        .setDepartureTimeout(departureTimeoutSeconds)
        .setMaxParticipants(maxParticipants)
        .setCreationTime(creationTimeMs / 1000)
        .setCreationTimeMs(creationTimeMs)
        .setNumParticipants(countVisible())
        .setNumPublishers(publishers)
        .build();
  }

  private SignalResponse joinResponse(Participant p) {
    JoinResponse.Builder b =
        JoinResponse.newBuilder()
            .setRoom(info())
            .setParticipant(p.info())
            .setServerVersion(settings.version())
            .setServerInfo(settings.serverInfo())
            .addAllIceServers(settings.iceServers())
            .setSubscriberPrimary(subscriberPrimary(p))
            .setPingInterval(settings.pingIntervalSeconds())
            .setPingTimeout(settings.pingTimeoutSeconds());
    for (Participant other : participants.values()) {
      if (other != p && !other.hidden()) {
        b.addOtherParticipants(other.info());
      }
    }
    for (String mime : Negotiation.PUBLISH_CODECS) {
      b.addEnabledPublishCodecs(LivekitModels.Codec.newBuilder().setMime(mime));
    }
    return SignalResponse.newBuilder().setJoin(b).build();
  }

  /**
   * LiveKit's rule: in v0 the subscriber connection is primary when the participant can subscribe;
   * the first offer then comes from the server and carries the data channels, so without data
   * channels it cannot be primary.
   */
  private boolean subscriberPrimary(Participant p) {
    return p.protocol == Participant.Protocol.V0
        && p.permission.getCanSubscribe()
        && settings.dataChannels();
  }
}
