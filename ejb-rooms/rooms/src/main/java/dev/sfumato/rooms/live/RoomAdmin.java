package dev.sfumato.rooms.live;

import dev.sfumato.rooms.domain.Limits;
import dev.sfumato.rooms.domain.RoomException;
import dev.sfumato.rooms.domain.RoomSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.logging.Logger;
import livekit.LivekitModels;
import livekit.LivekitModels.DataPacket;
import livekit.LivekitModels.DisconnectReason;
import livekit.LivekitModels.ParticipantInfo;
import livekit.LivekitModels.ParticipantPermission;
import livekit.LivekitModels.ParticipantTracks;
import livekit.LivekitModels.TrackInfo;
import livekit.LivekitRtc.MuteTrackRequest;
import livekit.LivekitRtc.SignalResponse;

/**
 * The participant half of LiveKit's RoomService (its RoomManager's ListParticipants,
 * GetParticipant, RemoveParticipant, MutePublishedTrack, UpdateParticipant, UpdateSubscriptions,
 * UpdateRoomMetadata and SendData) on this node's live rooms. The caller has already checked the
 * roomAdmin grant for the room. Changes run under the room's monitor, as signal requests do, and
 * reach the participants through the room's usual broadcast.
 *
 * <p>Errors are LiveKit's: a room that is not stored is NOT_FOUND "requested room does not exist";
 * a stored room with nobody live lists no participants, and for every other call its participants
 * do not exist.
 */
final class RoomAdmin {
  private static final Logger LOG = Logger.getLogger(RoomAdmin.class.getName());

  static final String NO_ROOM = "requested room does not exist";
  static final String NO_PARTICIPANT = "participant does not exist";
  static final String NO_TRACK = "track is not found";
  static final String TOO_LARGE = "metadata size exceeds limits";

  private final Function<String, Room> live;
  private final Predicate<String> stored;
  private final BiFunction<String, String, RoomSnapshot> storeMetadata;

  /**
   * @param live the live room of a name on this node, or null
   * @param stored whether a room of that name exists in the database
   * @param storeMetadata persists a room's new metadata and returns the stored room (NOT_FOUND when
   *     there is none)
   */
  RoomAdmin(
      Function<String, Room> live,
      Predicate<String> stored,
      BiFunction<String, String, RoomSnapshot> storeMetadata) {
    this.live = live;
    this.stored = stored;
    this.storeMetadata = storeMetadata;
  }

  /** Everyone in the room, hidden participants included: the API is for admins. */
  List<ParticipantInfo> listParticipants(String roomName) {
    Room room = liveOrNull(roomName);
    if (room == null) {
      if (!stored.test(roomName)) {
        throw notFound(NO_ROOM);
      }
      return List.of();
    }
    synchronized (room) {
      return room.participants().stream().map(Participant::info).toList();
    }
  }

  ParticipantInfo getParticipant(String roomName, String identity) {
    Room room = room(roomName);
    synchronized (room) {
      return participant(room, identity).info();
    }
  }

  /** The participant gets a leave (PARTICIPANT_REMOVED, no reconnect) and its tracks end. */
  void removeParticipant(String roomName, String identity) {
    Room room = room(roomName);
    synchronized (room) {
      room.leave(participant(room, identity), DisconnectReason.PARTICIPANT_REMOVED, true);
    }
  }

  /**
   * Marks the track muted (or not) and tells its publisher with a {@code mute} message so that the
   * client mutes it locally; the others see the change in a participant update. The publisher is
   * told even when the flag did not change: its client's state may differ from ours.
   */
  TrackInfo mutePublishedTrack(String roomName, String identity, String trackSid, boolean muted) {
    Room room = room(roomName);
    synchronized (room) {
      Participant p = participant(room, identity);
      Publication t = publication(p, trackSid);
      if (t == null) {
        throw notFound(NO_TRACK);
      }
      p.send(
          SignalResponse.newBuilder()
              .setMute(MuteTrackRequest.newBuilder().setSid(t.sid).setMuted(muted))
              .build());
      if (t.muted != muted) {
        t.muted = muted;
        room.broadcast(p);
      }
      return t.info();
    }
  }

  /**
   * LiveKit's UpdateParticipant: an empty name or metadata leaves it as it is, attributes are
   * merged (an empty value removes the key), a permission replaces the current one. Revoking
   * canSubscribe ends its subscriptions; revoking canPublish (or a source) unpublishes its tracks.
   */
  ParticipantInfo updateParticipant(
      String roomName,
      String identity,
      String metadata,
      String name,
      ParticipantPermission permission,
      Map<String, String> attributes) {
    checkLimits(name, metadata, attributes);
    Room room = room(roomName);
    synchronized (room) {
      Participant p = participant(room, identity);
      if (!name.isEmpty()) {
        p.name = name;
      }
      if (!metadata.isEmpty()) {
        p.metadata = metadata;
      }
      attributes.forEach(
          (k, v) -> {
            if (v.isEmpty()) {
              p.attributes.remove(k);
            } else {
              p.attributes.put(k, v);
            }
          });
      if (permission != null) {
        setPermission(room, p, permission);
      }
      room.broadcast(p);
      return p.info();
    }
  }

  /**
   * Subscribes the participant to (or unsubscribes it from) tracks, as its own {@code subscription}
   * request would; unknown tracks are ignored, as LiveKit does, and nothing happens without
   * canSubscribe.
   */
  void updateSubscriptions(
      String roomName,
      String identity,
      List<String> trackSids,
      List<ParticipantTracks> participantTracks,
      boolean subscribe) {
    Room room = room(roomName);
    synchronized (room) {
      Participant p = participant(room, identity);
      if (!p.permission.getCanSubscribe()) {
        return;
      }
      List<String> sids = new ArrayList<>(trackSids);
      participantTracks.forEach(pt -> sids.addAll(pt.getTrackSidsList()));
      for (String sid : sids) {
        if (subscribe) {
          Publication t = room.track(sid);
          if (t != null) {
            room.negotiation.subscribe(p, t);
          }
        } else {
          room.negotiation.unsubscribe(p, sid);
        }
      }
    }
  }

  /**
   * Stores the room's new metadata, then (when the room is live) pushes a {@code room_update} to
   * everyone in it. The database write happens outside the room's monitor.
   */
  RoomSnapshot updateRoomMetadata(String roomName, String metadata) {
    RoomSnapshot saved = storeMetadata.apply(roomName, metadata);
    Room room = liveOrNull(roomName);
    if (room == null) {
      return saved;
    }
    synchronized (room) {
      room.updateMetadata(saved.metadata());
      LivekitModels.Room info = room.info();
      return new RoomSnapshot(
          saved.sid(),
          saved.name(),
          saved.emptyTimeout(),
          saved.departureTimeout(),
          saved.maxParticipants(),
          saved.metadata(),
          saved.creationTime(),
          saved.enabledCodecs(),
          info.getNumParticipants(),
          info.getNumPublishers(),
          saved.routerId());
    }
  }

  /**
   * LiveKit's SendData: the packet goes to the room's participants as if from nobody. A room that
   * is not live on this node is NOT_FOUND, as LiveKit's RoomManager answers.
   */
  void sendData(String roomName, DataPacket packet) {
    Room room = liveOrNull(roomName);
    if (room == null) {
      throw notFound(NO_ROOM);
    }
    synchronized (room) {
      room.data.send(packet);
    }
  }

  // ---- helpers ----

  private static void setPermission(Room room, Participant p, ParticipantPermission permission) {
    boolean couldSubscribe = p.permission.getCanSubscribe();
    p.permission = permission;
    for (Publication t : new ArrayList<>(p.publications.values())) {
      if (!Permissions.canPublishSource(permission, t.source)) {
        room.unpublish(t, true);
      }
    }
    p.pendingTracks.values().removeIf(t -> !Permissions.canPublishSource(permission, t.source));
    if (!permission.getCanSubscribe()) {
      for (String sid : new ArrayList<>(p.subscriptions.keySet())) {
        room.negotiation.unsubscribe(p, sid);
      }
    } else if (!couldSubscribe && p.autoSubscribe) {
      // Granted again: catch up with what auto-subscription would have given it (LiveKit does).
      for (Participant other : room.participants()) {
        for (Publication t : new ArrayList<>(other.publications.values())) {
          if (other != p && t.live()) {
            room.negotiation.subscribe(p, t);
          }
        }
      }
    }
    LOG.info(() -> "permission of " + p.identity + " in " + room.name + " set by the API");
  }

  /** LiveKit's max_metadata_size bounds name, metadata and the attributes (characters) alike. */
  private static void checkLimits(String name, String metadata, Map<String, String> attributes) {
    int attributeChars = 0;
    for (Map.Entry<String, String> e : attributes.entrySet()) {
      attributeChars += e.getKey().length() + e.getValue().length();
    }
    if (name.length() > Limits.MAX_METADATA_LENGTH
        || metadata.length() > Limits.MAX_METADATA_LENGTH
        || attributeChars > Limits.MAX_METADATA_LENGTH) {
      throw new RoomException(RoomException.Code.INVALID_ARGUMENT, TOO_LARGE);
    }
  }

  private Room liveOrNull(String roomName) {
    Room room = live.apply(roomName);
    return room == null || room.closed() ? null : room;
  }

  /** The live room; a stored room with nobody in it has no participants to find. */
  private Room room(String roomName) {
    Room room = liveOrNull(roomName);
    if (room == null) {
      throw notFound(stored.test(roomName) ? NO_PARTICIPANT : NO_ROOM);
    }
    return room;
  }

  private static Participant participant(Room room, String identity) {
    Participant p = room.byIdentity(identity);
    if (p == null) {
      throw notFound(NO_PARTICIPANT);
    }
    return p;
  }

  /** A live publication, or one announced with add_track and not negotiated yet. */
  private static Publication publication(Participant p, String trackSid) {
    Publication t = p.publications.get(trackSid);
    if (t != null) {
      return t;
    }
    for (Publication pending : p.pendingTracks.values()) {
      if (pending.sid.equals(trackSid)) {
        return pending;
      }
    }
    return null;
  }

  private static RoomException notFound(String message) {
    return new RoomException(RoomException.Code.NOT_FOUND, message);
  }
}
