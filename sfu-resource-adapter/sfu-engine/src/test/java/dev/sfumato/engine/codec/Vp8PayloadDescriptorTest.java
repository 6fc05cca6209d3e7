package dev.sfumato.engine.codec;

import static dev.sfumato.engine.rtp.Hex.hex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sfumato.engine.rtp.Hex;
import org.junit.jupiter.api.Test;

class Vp8PayloadDescriptorTest {

  private final Vp8PayloadDescriptor descriptor = new Vp8PayloadDescriptor();

  @Test
  void recordsTheOffsetsOfEveryOptionalField() {
    byte[] buf = Hex.at(20, CodecVectors.vp8KeyframeExtended(), 0);
    assertThat(descriptor.wrap(buf, 20, buf.length - 20)).isTrue();
    assertThat(descriptor.length()).isEqualTo(6);
    assertThat(descriptor.startOfPartition()).isTrue();
    assertThat(descriptor.partitionIndex()).isZero();
    assertThat(descriptor.nonReference()).isFalse();
    assertThat(descriptor.pictureIdOffset()).isEqualTo(22);
    assertThat(descriptor.pictureIdLength()).isEqualTo(2);
    assertThat(descriptor.pictureId()).isEqualTo(42);
    assertThat(descriptor.tl0PicIdxOffset()).isEqualTo(24);
    assertThat(descriptor.tl0PicIdx()).isEqualTo(5);
    assertThat(descriptor.tidOffset()).isEqualTo(25);
    assertThat(descriptor.tid()).isZero();
    assertThat(descriptor.layerSync()).isTrue();
    assertThat(descriptor.keyIdx()).isEqualTo(3);
  }

  @Test
  void rewritesPictureIdAndTl0PicIdxInPlace() {
    byte[] buf = CodecVectors.vp8KeyframeExtended();
    descriptor.wrap(buf, 0, buf.length);
    assertThat(descriptor.setPictureId(0x8000 + 7)).isTrue(); // wraps at 2^15
    assertThat(descriptor.setTl0PicIdx(0x1ff)).isTrue(); // wraps at 2^8
    assertThat(Hex.toHex(buf, 0, 6)).isEqualTo("90f0" + "8007" + "ff" + "23");
    assertThat(descriptor.pictureId()).isEqualTo(7);

    byte[] shortId = CodecVectors.vp8InterFrame();
    descriptor.wrap(shortId, 0, shortId.length);
    assertThat(descriptor.pictureIdLength()).isEqualTo(1);
    assertThat(descriptor.pictureId()).isEqualTo(43);
    assertThat(descriptor.setPictureId(200)).isTrue(); // 7 bits: 200 & 0x7f
    assertThat(shortId[2]).isEqualTo((byte) 72);
    assertThat(descriptor.setTl0PicIdx(1)).as("no L").isFalse();
    assertThat(descriptor.tid()).isEqualTo(-1);
    assertThat(descriptor.keyIdx()).isEqualTo(-1);
  }

  @Test
  void minimalDescriptorHasNoOptionalFields() {
    byte[] buf = CodecVectors.vp8KeyframeMinimal();
    assertThat(descriptor.wrap(buf, 0, buf.length)).isTrue();
    assertThat(descriptor.length()).isEqualTo(1);
    assertThat(descriptor.pictureId()).isEqualTo(-1);
    assertThat(descriptor.setPictureId(1)).isFalse();
    assertThat(descriptor.tl0PicIdx()).isEqualTo(-1);
    assertThat(descriptor.layerSync()).isFalse();
  }

  @Test
  void keyIdxWithoutTidSharesTheByteButHasNoTid() {
    byte[] buf = hex("80 // X=1", "10 // K=1 only", "1f // KEYIDX 31", "00");
    assertThat(descriptor.wrap(buf, 0, buf.length)).isTrue();
    assertThat(descriptor.tidOffset()).isEqualTo(-1);
    assertThat(descriptor.keyIdx()).isEqualTo(31);
    assertThat(descriptor.length()).isEqualTo(3);
  }

  @Test
  void rejectsADescriptorThatRunsPastThePayload() {
    assertThat(descriptor.wrap(hex("90 f0 80 2a 05 // T/K byte missing"), 0, 5)).isFalse();
    assertThat(descriptor.pictureIdOffset()).isEqualTo(-1);
    assertThat(descriptor.wrap(hex("90 80 // PictureID missing"), 0, 2)).isFalse();
    assertThat(descriptor.wrap(hex("90"), 0, 1)).isFalse();
    assertThat(descriptor.wrap(new byte[0], 0, 0)).isFalse();
    assertThat(descriptor.wrap(hex("10"), 0, 2)).isFalse();
  }
}
