package dev.sfumato.engine.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sfumato.engine.rtp.Hex;

/** Keyframe detection and the VP8 descriptor view never throw on any payload. */
class KeyframeDetectorFuzzTest {

  private final Vp8PayloadDescriptor descriptor = new Vp8PayloadDescriptor();

  @FuzzTest
  void keyframeDetectorsNeverThrow(byte[] data) {
    byte[] buf = Hex.at(1, data, 1);
    for (CodecKind kind : CodecKind.values()) {
      KeyframeDetector.isKeyframe(kind, buf, 1, data.length);
    }
    if (descriptor.wrap(buf, 1, data.length)) {
      assertThat(descriptor.length()).isBetween(1, data.length);
      descriptor.pictureId();
      descriptor.tl0PicIdx();
      descriptor.tid();
      descriptor.keyIdx();
      descriptor.setPictureId(0x7fff);
      descriptor.setTl0PicIdx(0xff);
      assertThat(buf[buf.length - 1]).isZero();
      assertThat(buf[0]).isZero();
    }
  }
}
