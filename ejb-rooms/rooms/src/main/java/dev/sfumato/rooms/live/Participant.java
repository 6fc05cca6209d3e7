package dev.sfumato.rooms.live;

import dev.sfumato.rooms.auth.ClaimGrants;
import java.util.LinkedHashMap;
import java.util.Map;
import livekit.LivekitModels.DisconnectReason;
import livekit.LivekitModels.ParticipantInfo;
import livekit.LivekitModels.ParticipantPermission;

/**
 * A participant of a live room, as LiveKit's server keeps it: identity and sid, what it may do, its
 * state (JOINING → JOINED → ACTIVE → DISCONNECTED), its publications and subscriptions, and its
 * peer connection(s). Guarded by the room's lock; the fields read by the session worker's liveness
 * check are volatile.
 */
final class Participant {
  final String sid;
  final String identity;
  final ClaimGrants grants;
  final Protocol protocol;
  final int clientProtocol;
  final ParticipantInfo.Kind kind;
  final long joinedAtMs;

  String name;
  String metadata;
  final Map<String, String> attributes = new LinkedHashMap<>();
  ParticipantPermission permission;
  ParticipantInfo.State state = ParticipantInfo.State.JOINING;
  DisconnectReason disconnectReason = DisconnectReason.UNKNOWN_REASON;
  boolean autoSubscribe;

  /** Monotonic; clients drop updates whose version is not newer than what they have. */
  int version;

  final Map<String, Publication> publications = new LinkedHashMap<>();

  /** add_track requests whose section has not been negotiated yet, by cid. */
  final Map<String, Publication> pendingTracks = new LinkedHashMap<>();

  final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
  final SubscriptionPermissions subscriptionPermissions = new SubscriptionPermissions();

  /** v1: the only connection; v0: the publisher connection. Null for WHIP/WHEP participants. */
  ClientPeer publisher;

  /** v0 only: the connection the server offers on. */
  ServerPeer subscriber;

  final ParticipantData data = new ParticipantData();

  volatile SignalSink sink;
  volatile long lastSeenNanos;

  /** When the signal connection dropped without a leave (resume window), else 0. */
  volatile long signalLostNanos;

  /** How a participant talks to the room. */
  enum Protocol {
    /** LiveKit protocol, two peer connections ({@code /rtc}). */
    V0,
    /** LiveKit protocol, single peer connection ({@code /rtc/v1}). */
    V1,
    /** A WHIP publisher or WHEP viewer: no signal connection. */
    HTTP
  }

  Participant(
      String sid,
      ClaimGrants grants,
      Protocol protocol,
      int clientProtocol,
      ParticipantInfo.Kind kind,
      long joinedAtMs) {
    this.sid = sid;
    this.identity = grants.identity();
    this.grants = grants;
    this.protocol = protocol;
    this.clientProtocol = clientProtocol;
    this.kind = kind;
    this.joinedAtMs = joinedAtMs;
    this.name = grants.name();
    this.metadata = grants.metadata();
    this.attributes.putAll(grants.attributes());
    this.permission = Permissions.fromGrant(grants.video());
  }

  boolean hidden() {
    return permission.getHidden();
  }

  boolean isPublisher() {
    return publications.values().stream().anyMatch(Publication::live);
  }

  boolean connected() {
    return state != ParticipantInfo.State.DISCONNECTED;
  }

  void send(livekit.LivekitRtc.SignalResponse message) {
    SignalSink s = sink;
    if (s != null && connected()) {
      s.send(message);
    }
  }

  void touch() {
    version++;
  }

  ParticipantInfo info() {
    ParticipantInfo.Builder b =
        ParticipantInfo.newBuilder()
            .setSid(sid)
            .setIdentity(identity)
            .setName(name)
            .setMetadata(metadata)
            .putAllAttributes(attributes)
            .setState(state)
            .setJoinedAt(joinedAtMs / 1000)
            .setJoinedAtMs(joinedAtMs)
            .setVersion(version)
            .setPermission(permission)
            .setIsPublisher(isPublisher())
            .setKind(kind)
            .setClientProtocol(clientProtocol)
            .setDisconnectReason(disconnectReason);
    for (Publication p : publications.values()) {
      if (p.live()) {
        b.addTracks(p.info());
      }
    }
    return b.build();
  }
}
