package dev.sfumato.rooms.live;

import java.util.Collection;
import java.util.Map;
import livekit.LivekitModels;
import livekit.LivekitModels.DisconnectReason;
import livekit.LivekitModels.ParticipantInfo;
import livekit.LivekitRtc.LeaveRequest;
import livekit.LivekitRtc.MediaSectionsRequirement;
import livekit.LivekitRtc.ParticipantUpdate;
import livekit.LivekitRtc.RequestResponse;
import livekit.LivekitRtc.SessionDescription;
import livekit.LivekitRtc.SignalResponse;
import livekit.LivekitRtc.TrackPublishedResponse;
import livekit.LivekitRtc.TrackUnpublishedResponse;

/** Builders of the server → client signal messages. */
final class Signals {
  private Signals() {}

  static SignalResponse update(Collection<ParticipantInfo> participants) {
    return SignalResponse.newBuilder()
        .setUpdate(ParticipantUpdate.newBuilder().addAllParticipants(participants))
        .build();
  }

  static SignalResponse answer(String sdp, int id, Map<String, String> midToTrackId) {
    return SignalResponse.newBuilder()
        .setAnswer(description("answer", sdp, id, midToTrackId))
        .build();
  }

  static SignalResponse offer(String sdp, int id, Map<String, String> midToTrackId) {
    return SignalResponse.newBuilder()
        .setOffer(description("offer", sdp, id, midToTrackId))
        .build();
  }

  private static SessionDescription description(
      String type, String sdp, int id, Map<String, String> midToTrackId) {
    return SessionDescription.newBuilder()
        .setType(type)
        .setSdp(sdp)
        .setId(id)
        .putAllMidToTrackId(midToTrackId)
        .build();
  }

  static SignalResponse trackPublished(String cid, LivekitModels.TrackInfo track) {
    return SignalResponse.newBuilder()
        .setTrackPublished(TrackPublishedResponse.newBuilder().setCid(cid).setTrack(track))
        .build();
  }

  static SignalResponse trackUnpublished(String trackSid) {
    return SignalResponse.newBuilder()
        .setTrackUnpublished(TrackUnpublishedResponse.newBuilder().setTrackSid(trackSid))
        .build();
  }

  static SignalResponse leave(DisconnectReason reason, LeaveRequest.Action action) {
    return SignalResponse.newBuilder()
        .setLeave(
            LeaveRequest.newBuilder()
                .setReason(reason)
                .setAction(action)
                .setCanReconnect(action != LeaveRequest.Action.DISCONNECT))
        .build();
  }

  static SignalResponse mediaSections(int audios, int videos) {
    return SignalResponse.newBuilder()
        .setMediaSectionsRequirement(
            MediaSectionsRequirement.newBuilder().setNumAudios(audios).setNumVideos(videos))
        .build();
  }

  static SignalResponse refused(int requestId, RequestResponse.Reason reason, String message) {
    return SignalResponse.newBuilder()
        .setRequestResponse(
            RequestResponse.newBuilder()
                .setRequestId(requestId)
                .setReason(reason)
                .setMessage(message))
        .build();
  }

  /** Tells a publisher that its track has a subscriber (livekit-client's LocalTrackSubscribed). */
  static SignalResponse trackSubscribed(String trackSid) {
    return SignalResponse.newBuilder()
        .setTrackSubscribed(livekit.LivekitRtc.TrackSubscribed.newBuilder().setTrackSid(trackSid))
        .build();
  }

  static SignalResponse roomUpdate(LivekitModels.Room room) {
    return SignalResponse.newBuilder()
        .setRoomUpdate(livekit.LivekitRtc.RoomUpdate.newBuilder().setRoom(room))
        .build();
  }
}
