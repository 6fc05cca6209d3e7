package dev.sfumato.rooms.live;

import dev.sfumato.rooms.auth.VideoGrant;
import java.util.Locale;
import livekit.LivekitModels.ParticipantPermission;
import livekit.LivekitModels.TrackSource;

/** A token's video grant as LiveKit's ParticipantPermission, and the checks made against it. */
final class Permissions {
  private Permissions() {}

  static ParticipantPermission fromGrant(VideoGrant video) {
    ParticipantPermission.Builder b =
        ParticipantPermission.newBuilder()
            .setCanPublish(video.canPublishOrDefault())
            .setCanSubscribe(video.canSubscribeOrDefault())
            .setCanPublishData(video.canPublishDataOrDefault())
            .setCanUpdateMetadata(video.canUpdateOwnMetadataOrDefault())
            .setCanSubscribeMetrics(video.canSubscribeMetricsOrDefault())
            .setHidden(video.hidden())
            .setRecorder(video.recorder())
            .setAgent(video.agent());
    for (String source : video.canPublishSources()) {
      TrackSource s = source(source);
      if (s != null) {
        b.addCanPublishSources(s);
      }
    }
    return b.build();
  }

  /** canPublish, and the source among canPublishSources when that list is not empty. */
  static boolean canPublishSource(ParticipantPermission p, TrackSource source) {
    if (!p.getCanPublish()) {
      return false;
    }
    return p.getCanPublishSourcesCount() == 0 || p.getCanPublishSourcesList().contains(source);
  }

  private static TrackSource source(String grantName) {
    return switch (grantName.toLowerCase(Locale.ROOT)) {
      case VideoGrant.SOURCE_CAMERA -> TrackSource.CAMERA;
      case VideoGrant.SOURCE_MICROPHONE -> TrackSource.MICROPHONE;
      case VideoGrant.SOURCE_SCREEN_SHARE -> TrackSource.SCREEN_SHARE;
      case VideoGrant.SOURCE_SCREEN_SHARE_AUDIO -> TrackSource.SCREEN_SHARE_AUDIO;
      default -> null;
    };
  }
}
