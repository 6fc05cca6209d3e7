package dev.sfumato.engine.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HeaderExtensionIdsTest {

  @Test
  void resolvesTheExtensionsTheForwardingPathUses() {
    HeaderExtensionIds ids =
        new HeaderExtensionIds(
            Map.of(
                HeaderExtensionIds.MID,
                4,
                HeaderExtensionIds.RID,
                10,
                HeaderExtensionIds.REPAIRED_RID,
                11,
                HeaderExtensionIds.AUDIO_LEVEL,
                1,
                HeaderExtensionIds.ABS_SEND_TIME,
                2,
                HeaderExtensionIds.TRANSPORT_WIDE_CC,
                3,
                "urn:3gpp:video-orientation",
                13));
    assertThat(ids.mid()).isEqualTo(4);
    assertThat(ids.rid()).isEqualTo(10);
    assertThat(ids.repairedRid()).isEqualTo(11);
    assertThat(ids.audioLevel()).isEqualTo(1);
    assertThat(ids.absSendTime()).isEqualTo(2);
    assertThat(ids.transportWideCc()).isEqualTo(3);
    assertThat(ids.id("urn:3gpp:video-orientation")).isEqualTo(13);
    assertThat(ids.id("urn:unknown")).isZero();
    assertThat(ids.needsTwoByteForm()).isFalse();
  }

  @Test
  void absentExtensionsResolveToZero() {
    assertThat(HeaderExtensionIds.NONE.transportWideCc()).isZero();
    assertThat(HeaderExtensionIds.NONE.mid()).isZero();
  }

  @Test
  void idsAbove14NeedTheTwoByteForm() {
    assertThat(new HeaderExtensionIds(Map.of(HeaderExtensionIds.MID, 15)).needsTwoByteForm())
        .isTrue();
  }

  @Test
  void rejectsIdsOutOfRange() {
    assertThatThrownBy(() -> new HeaderExtensionIds(Map.of(HeaderExtensionIds.MID, 0)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new HeaderExtensionIds(Map.of(HeaderExtensionIds.MID, 256)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsOneIdForTwoUris() {
    assertThatThrownBy(
            () ->
                new HeaderExtensionIds(
                    Map.of(HeaderExtensionIds.MID, 1, HeaderExtensionIds.RID, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("used twice");
  }
}
