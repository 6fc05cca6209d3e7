package dev.sfumato.rooms.live;

import dev.sfumato.rooms.domain.Limits;
import dev.sfumato.rooms.sdp.SdpException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import livekit.LivekitModels.DisconnectReason;
import livekit.LivekitModels.TrackType;
import livekit.LivekitRtc.AddTrackRequest;
import livekit.LivekitRtc.MuteTrackRequest;
import livekit.LivekitRtc.Pong;
import livekit.LivekitRtc.RequestResponse;
import livekit.LivekitRtc.SignalRequest;
import livekit.LivekitRtc.SignalResponse;
import livekit.LivekitRtc.SubscriptionPermission;
import livekit.LivekitRtc.UpdateParticipantMetadata;
import livekit.LivekitRtc.UpdateSubscription;
import livekit.LivekitRtc.UpdateTrackSettings;

/**
 * One participant's signal requests, handled in arrival order under the room's monitor. A request
 * the participant may not make is answered with LiveKit's {@code request_response} error (or
 * ignored where LiveKit has none); a request the server does not serve is ignored. Nothing a client
 * sends ends anyone else's session.
 */
final class SignalHandler {
  private static final Logger LOG = Logger.getLogger(SignalHandler.class.getName());

  private SignalHandler() {}

  static void handle(Room room, Participant p, SignalRequest request, long nowMillis) {
    synchronized (room) {
      // A connection whose resume failed holds a stand-in that is not a member: its requests
      // must not create engine state (a transport per offer) that no one would ever close.
      if (!p.connected() || room.byIdentity(p.identity) != p) {
        return;
      }
      switch (request.getMessageCase()) {
        case OFFER -> offer(room, p, request);
        case ANSWER -> room.negotiation.onAnswer(p, request.getAnswer());
        case TRICKLE -> {
          // ICE-lite: the client's addresses are learnt from its connectivity checks.
        }
        case ADD_TRACK -> addTrack(p, request.getAddTrack());
        case MUTE -> mute(room, p, request.getMute());
        case SUBSCRIPTION -> subscription(room, p, request.getSubscription());
        case TRACK_SETTING -> trackSettings(room, p, request.getTrackSetting());
        case LEAVE -> room.leave(p, DisconnectReason.CLIENT_INITIATED, false);
        case SUBSCRIPTION_PERMISSION -> permission(room, p, request.getSubscriptionPermission());
        case UPDATE_METADATA -> metadata(room, p, request.getUpdateMetadata());
        case PING -> p.send(SignalResponse.newBuilder().setPong(nowMillis).build());
        case PING_REQ ->
            p.send(
                SignalResponse.newBuilder()
                    .setPongResp(
                        Pong.newBuilder()
                            .setLastPingTimestamp(request.getPingReq().getTimestamp())
                            .setTimestamp(nowMillis))
                    .build());
        default -> LOG.fine(() -> "ignored signal request " + request.getMessageCase());
      }
    }
  }

  private static void offer(Room room, Participant p, SignalRequest request) {
    try {
      room.negotiation.onOffer(p, request.getOffer());
    } catch (SdpException e) {
      LOG.info(() -> "offer of " + p.identity + " refused: " + e.getMessage());
      return;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "offer of " + p.identity + " failed", e);
      return;
    }
    askForMissingSections(p);
  }

  /**
   * v1: subscriptions made before the client's first offer (auto-subscribe at join), or more than
   * its offer had recvonly sections for, are still without a section after the answer. The client
   * only adds sections when told (media_sections_requirement), so without this it would never
   * receive those tracks: livekit-client pre-creates three of each kind, React Native none.
   */
  private static void askForMissingSections(Participant p) {
    if (p.protocol != Participant.Protocol.V1) {
      return;
    }
    int audios = 0;
    int videos = 0;
    for (Subscription s : p.subscriptions.values()) {
      if (s.mid == null && s.track.type == TrackType.AUDIO) {
        audios++;
      } else if (s.mid == null) {
        videos++;
      }
    }
    if (audios + videos > 0) {
      p.send(Signals.mediaSections(audios, videos));
    }
  }

  static void addTrack(Participant p, AddTrackRequest request) {
    if (!Permissions.canPublishSource(p.permission, request.getSource())) {
      p.send(
          Signals.refused(
              0, RequestResponse.Reason.NOT_ALLOWED, "not allowed to publish this source"));
      return;
    }
    Publication existing = p.pendingTracks.get(request.getCid());
    if (existing == null) {
      existing =
          p.publications.values().stream()
              .filter(t -> t.cid.equals(request.getCid()))
              .findFirst()
              .orElse(null);
    }
    if (existing == null) {
      existing = new Publication(Sids.track(), p, request);
      p.pendingTracks.put(request.getCid(), existing);
    }
    p.send(Signals.trackPublished(request.getCid(), existing.info()));
  }

  private static void mute(Room room, Participant p, MuteTrackRequest request) {
    Publication t = p.publications.get(request.getSid());
    if (t == null) {
      t =
          p.pendingTracks.values().stream()
              .filter(x -> x.sid.equals(request.getSid()))
              .findFirst()
              .orElse(null);
    }
    if (t != null && t.muted != request.getMuted()) {
      t.muted = request.getMuted();
      room.broadcast(p);
    }
  }

  private static void subscription(Room room, Participant p, UpdateSubscription request) {
    if (!p.permission.getCanSubscribe()) {
      return;
    }
    List<String> sids = new ArrayList<>(request.getTrackSidsList());
    request.getParticipantTracksList().forEach(pt -> sids.addAll(pt.getTrackSidsList()));
    for (String sid : sids) {
      if (request.getSubscribe()) {
        Publication t = room.track(sid);
        if (t != null) {
          room.negotiation.subscribe(p, t);
        }
      } else {
        room.negotiation.unsubscribe(p, sid);
      }
    }
  }

  private static void trackSettings(Room room, Participant p, UpdateTrackSettings request) {
    for (String sid : request.getTrackSidsList()) {
      Subscription s = p.subscriptions.get(sid);
      if (s != null) {
        s.width = request.getWidth();
        s.height = request.getHeight();
      }
      room.negotiation.setDisabled(p, sid, request.getDisabled());
    }
  }

  private static void permission(Room room, Participant p, SubscriptionPermission request) {
    p.subscriptionPermissions.update(request);
    for (Publication t : p.publications.values()) {
      for (Participant other : room.participants()) {
        if (other == p) {
          continue;
        }
        boolean allowed = p.subscriptionPermissions.allows(other, t.sid);
        boolean subscribed = other.subscriptions.containsKey(t.sid);
        if (!allowed && subscribed) {
          room.negotiation.unsubscribe(other, t.sid);
          other.send(PermissionSignals.update(t, false));
        } else if (allowed && !subscribed && other.autoSubscribe) {
          other.send(PermissionSignals.update(t, true));
          room.negotiation.subscribe(other, t);
        }
      }
    }
  }

  private static void metadata(Room room, Participant p, UpdateParticipantMetadata request) {
    if (!p.permission.getCanUpdateMetadata()) {
      p.send(
          Signals.refused(
              request.getRequestId(),
              RequestResponse.Reason.NOT_ALLOWED,
              "does not have permission to update own metadata"));
      return;
    }
    if (tooLarge(p, request)) {
      p.send(
          Signals.refused(
              request.getRequestId(),
              RequestResponse.Reason.LIMIT_EXCEEDED,
              "metadata or attributes exceed " + Limits.MAX_METADATA_LENGTH + " characters"));
      return;
    }
    if (!request.getName().isEmpty()) {
      p.name = request.getName();
    }
    if (!request.getMetadata().isEmpty()) {
      p.metadata = request.getMetadata();
    }
    request
        .getAttributesMap()
        .forEach(
            (k, v) -> {
              if (v.isEmpty()) {
                p.attributes.remove(k);
              } else {
                p.attributes.put(k, v);
              }
            });
    room.broadcast(p);
  }

  /**
   * Whether the update would make the participant's name, metadata or attributes larger than
   * LiveKit's {@code max_metadata_size}: every update is sent to everyone in the room, so an
   * unbounded one multiplies a 256 KiB frame by the number of participants.
   */
  private static boolean tooLarge(Participant p, UpdateParticipantMetadata request) {
    if (request.getMetadata().length() > Limits.MAX_METADATA_LENGTH
        || request.getName().length() > Limits.MAX_METADATA_LENGTH) {
      return true;
    }
    Map<String, String> after = new HashMap<>(p.attributes);
    request
        .getAttributesMap()
        .forEach(
            (k, v) -> {
              if (v.isEmpty()) {
                after.remove(k);
              } else {
                after.put(k, v);
              }
            });
    long size = 0;
    for (Map.Entry<String, String> e : after.entrySet()) {
      size += e.getKey().length() + e.getValue().length();
    }
    return size > Limits.MAX_METADATA_LENGTH;
  }
}
