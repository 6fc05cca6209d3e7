package dev.sfumato.rooms.live;

import livekit.LivekitRtc.SignalResponse;
import livekit.LivekitRtc.SubscriptionPermissionUpdate;

/** {@code subscription_permission_update}: a subscriber learns it may (not) receive a track. */
final class PermissionSignals {
  private PermissionSignals() {}

  static SignalResponse update(Publication t, boolean allowed) {
    return SignalResponse.newBuilder()
        .setSubscriptionPermissionUpdate(
            SubscriptionPermissionUpdate.newBuilder()
                .setParticipantSid(t.owner.sid)
                .setTrackSid(t.sid)
                .setAllowed(allowed))
        .build();
  }
}
