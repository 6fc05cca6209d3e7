package dev.sfumato.rooms.live;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import livekit.LivekitRtc.SubscriptionPermission;
import livekit.LivekitRtc.TrackPermission;

/**
 * Who may subscribe to a participant's tracks ({@code subscription_permission}): everyone by
 * default; otherwise per subscriber (by sid or identity) all tracks or a list of track sids.
 */
final class SubscriptionPermissions {
  private boolean allParticipants = true;
  private final Map<String, TrackPermission> bySubscriber = new HashMap<>();

  void update(SubscriptionPermission request) {
    allParticipants = request.getAllParticipants();
    bySubscriber.clear();
    for (TrackPermission p : request.getTrackPermissionsList()) {
      if (!p.getParticipantSid().isEmpty()) {
        bySubscriber.put(p.getParticipantSid(), p);
      }
      if (!p.getParticipantIdentity().isEmpty()) {
        bySubscriber.put(p.getParticipantIdentity(), p);
      }
    }
  }

  boolean allows(Participant subscriber, String trackSid) {
    if (allParticipants) {
      return true;
    }
    TrackPermission p = bySubscriber.get(subscriber.sid);
    if (p == null) {
      p = bySubscriber.get(subscriber.identity);
    }
    if (p == null) {
      return false;
    }
    return p.getAllTracks() || Set.copyOf(p.getTrackSidsList()).contains(trackSid);
  }
}
