package dev.sfumato.rooms.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class VideoGrantTest {

  @Test
  void unsetPermissionsFollowLiveKitDefaults() {
    VideoGrant unset = VideoGrant.empty();

    assertThat(unset.canPublishOrDefault()).isTrue();
    assertThat(unset.canSubscribeOrDefault()).isTrue();
    assertThat(unset.canPublishDataOrDefault()).isTrue();
    assertThat(unset.canUpdateOwnMetadataOrDefault()).isFalse();
    assertThat(unset.canSubscribeMetricsOrDefault()).isFalse();
    assertThat(unset.canPublishSource(VideoGrant.SOURCE_SCREEN_SHARE)).isTrue();
    assertThat(unset.room()).isEmpty();
    assertThat(unset.isEmpty()).isTrue();
  }

  @Test
  void publishDataFollowsPublishUnlessSet() {
    VideoGrant noPublish = VideoGrant.builder().canPublish(false).build();

    assertThat(noPublish.canPublishDataOrDefault()).isFalse();
    assertThat(noPublish.toBuilder().canPublishData(true).build().canPublishDataOrDefault())
        .isTrue();
    assertThat(noPublish.canPublishSource(VideoGrant.SOURCE_CAMERA)).isFalse();
  }

  @Test
  void explicitValuesWin() {
    VideoGrant g =
        VideoGrant.builder()
            .canSubscribe(false)
            .canUpdateOwnMetadata(true)
            .canSubscribeMetrics(true)
            .build();

    assertThat(g.canSubscribeOrDefault()).isFalse();
    assertThat(g.canUpdateOwnMetadataOrDefault()).isTrue();
    assertThat(g.canSubscribeMetricsOrDefault()).isTrue();
    assertThat(g.isEmpty()).isFalse();
  }

  @Test
  void publishSourcesRestrictWhatMayBePublished() {
    VideoGrant g = VideoGrant.builder().canPublishSources(VideoGrant.SOURCE_MICROPHONE).build();

    assertThat(g.canPublishSource(VideoGrant.SOURCE_MICROPHONE)).isTrue();
    assertThat(g.canPublishSource(VideoGrant.SOURCE_CAMERA)).isFalse();
  }

  @Test
  void sourcesAreCopiedAndNullFree() {
    List<String> sources = new ArrayList<>(List.of(VideoGrant.SOURCE_CAMERA));
    VideoGrant g = VideoGrant.builder().canPublishSources(sources).build();
    sources.add(VideoGrant.SOURCE_MICROPHONE);

    assertThat(g.canPublishSources()).containsExactly(VideoGrant.SOURCE_CAMERA);
    assertThatThrownBy(() -> g.canPublishSources().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(
            () -> VideoGrant.builder().canPublishSources(Arrays.asList("camera", null)).build())
        .isInstanceOf(NullPointerException.class);
  }
}
