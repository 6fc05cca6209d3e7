package dev.sfumato.persistence.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoomDefinitionTest {

  private static final Instant NOW = Instant.parse("2026-11-21T10:15:30.123456789Z");

  @Test
  void newRoomHasLiveKitStyleSidAndMillisecondCreationTime() {
    RoomDefinition room = RoomDefinition.create("standup", 300, 20, 0, NOW);

    assertThat(room.getSid()).matches("RM_[0-9A-Za-z]{12}");
    assertThat(room.getCreationTime()).isEqualTo(Instant.parse("2026-11-21T10:15:30.123Z"));
    assertThat(room.getId()).isNull();
    assertThat(room.getVersion()).isZero();
    assertThat(room.getMetadata()).isEmpty();
    assertThat(room.getEnabledCodecs()).isEmpty();
  }

  @Test
  void sidsDiffer() {
    assertThat(RoomDefinition.create("a", 1, 1, 0, NOW).getSid())
        .isNotEqualTo(RoomDefinition.create("a", 1, 1, 0, NOW).getSid());
  }

  @Test
  void rejectsBlankOrOverlongName() {
    assertThatThrownBy(() -> RoomDefinition.create(" ", 1, 1, 0, NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RoomDefinition.create(null, 1, 1, 0, NOW))
        .isInstanceOf(IllegalArgumentException.class);
    String longest = "n".repeat(RoomColumns.NAME_MAX_LENGTH);
    assertThat(RoomDefinition.create(longest, 1, 1, 0, NOW).getName()).isEqualTo(longest);
    assertThatThrownBy(() -> RoomDefinition.create(longest + "n", 1, 1, 0, NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsNegativeTimeoutsAndLimits() {
    assertThatThrownBy(() -> RoomDefinition.create("a", -1, 1, 0, NOW))
        .hasMessageContaining("emptyTimeout");
    assertThatThrownBy(() -> RoomDefinition.create("a", 1, -1, 0, NOW))
        .hasMessageContaining("departureTimeout");
    assertThatThrownBy(() -> RoomDefinition.create("a", 1, 1, -1, NOW))
        .hasMessageContaining("maxParticipants");
  }

  @Test
  void metadataIsLimitedAndNullMeansEmpty() {
    RoomDefinition room = RoomDefinition.create("a", 1, 1, 0, NOW);

    room.setMetadata(null);
    assertThat(room.getMetadata()).isEmpty();
    room.setMetadata("x".repeat(RoomColumns.METADATA_MAX_LENGTH));
    assertThat(room.getMetadata()).hasSize(RoomColumns.METADATA_MAX_LENGTH);
    assertThatThrownBy(() -> room.setMetadata("x".repeat(RoomColumns.METADATA_MAX_LENGTH + 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void codecListIsCopiedInAndOut() {
    RoomDefinition room = RoomDefinition.create("a", 1, 1, 0, NOW);
    List<CodecSetting> codecs =
        List.of(CodecSetting.of("video/VP8"), CodecSetting.of("audio/opus"));

    room.setEnabledCodecs(codecs);

    assertThat(room.getEnabledCodecs()).containsExactlyElementsOf(codecs);
    assertThatThrownBy(() -> room.getEnabledCodecs().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void codecNeedsMimeAndTreatsMissingFmtpAsEmpty() {
    assertThat(new CodecSetting("video/H264", null).fmtpLine()).isEmpty();
    assertThatThrownBy(() -> new CodecSetting("", "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new CodecSetting("video/H264", "f".repeat(RoomColumns.CODEC_FMTP_MAX_LENGTH + 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
