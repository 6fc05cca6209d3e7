package dev.sfumato.rooms.webrtc;

import dev.sfumato.rooms.auth.ClaimGrants;
import dev.sfumato.rooms.auth.VideoGrant;

/**
 * What a token must grant for WHIP and WHEP, as LiveKit requires for joining: {@code roomJoin} for
 * the very room in the URL, plus {@code canPublish} to publish or {@code canSubscribe} to watch.
 */
final class SessionGrants {
  private SessionGrants() {}

  static void requirePublish(String room, ClaimGrants claims) {
    VideoGrant video = requireJoin(room, claims);
    if (!video.canPublishOrDefault()) {
      throw forbidden("the token does not grant canPublish");
    }
  }

  static void requireSubscribe(String room, ClaimGrants claims) {
    VideoGrant video = requireJoin(room, claims);
    if (!video.canSubscribeOrDefault()) {
      throw forbidden("the token does not grant canSubscribe");
    }
  }

  private static VideoGrant requireJoin(String room, ClaimGrants claims) {
    VideoGrant video = claims.video();
    if (video == null || !video.roomJoin()) {
      throw forbidden("the token does not grant roomJoin");
    }
    if (!room.equals(video.room())) {
      throw forbidden("the token is for room '" + video.room() + "', not '" + room + "'");
    }
    if (claims.identity() == null || claims.identity().isBlank()) {
      throw forbidden("the token has no identity");
    }
    return video;
  }

  private static SessionException forbidden(String message) {
    return new SessionException(SessionException.Code.FORBIDDEN, message);
  }
}
