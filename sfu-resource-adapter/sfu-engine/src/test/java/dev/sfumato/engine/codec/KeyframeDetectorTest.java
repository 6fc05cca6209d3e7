package dev.sfumato.engine.codec;

import static dev.sfumato.engine.codec.CodecKind.AV1;
import static dev.sfumato.engine.codec.CodecKind.H264;
import static dev.sfumato.engine.codec.CodecKind.VP8;
import static dev.sfumato.engine.codec.CodecKind.VP9;
import static dev.sfumato.engine.rtp.Hex.hex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sfumato.engine.rtp.Hex;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KeyframeDetectorTest {

  private static boolean key(CodecKind kind, byte[] payload) {
    // At an offset inside a larger array, as it sits in a real RTP packet.
    byte[] buf = Hex.at(12, payload, 4);
    return KeyframeDetector.isKeyframe(kind, buf, 12, payload.length);
  }

  @Test
  void vp8KeyframeOnFirstPartitionWithPBitClear() {
    assertThat(key(VP8, CodecVectors.vp8KeyframeMinimal())).isTrue();
    assertThat(key(VP8, CodecVectors.vp8KeyframeExtended())).isTrue();
  }

  @Test
  void vp8RejectsInterFramesOtherPartitionsAndContinuations() {
    assertThat(key(VP8, CodecVectors.vp8InterFrame())).isFalse();
    byte[] notStart = CodecVectors.vp8KeyframeMinimal();
    notStart[0] = 0x00; // S=0: a continuation packet
    assertThat(key(VP8, notStart)).isFalse();
    byte[] partition1 = CodecVectors.vp8KeyframeMinimal();
    partition1[0] = 0x11; // S=1 PID=1
    assertThat(key(VP8, partition1)).isFalse();
    byte[] noStartCode = CodecVectors.vp8KeyframeMinimal();
    noStartCode[4] = 0; // P=0 but no 9d 01 2a: corrupt
    assertThat(key(VP8, noStartCode)).isFalse();
  }

  @Test
  void vp8TruncatedDescriptorIsNotAKeyframe() {
    assertThat(key(VP8, hex("90 // X=1, extension byte missing"))).isFalse();
    assertThat(key(VP8, hex("90 80 // X=1 I=1, PictureID missing"))).isFalse();
    assertThat(key(VP8, hex("90 f0 80 // M=1 but the second PictureID byte is missing"))).isFalse();
    assertThat(key(VP8, hex("10 10 02 00 9d 01 // key frame header cut"))).isFalse();
    assertThat(key(VP8, new byte[0])).isFalse();
  }

  @Test
  void vp9KeyframeInNonFlexibleAndFlexibleMode() {
    assertThat(key(VP9, CodecVectors.vp9NonFlexibleKeyframe())).isTrue();
    assertThat(key(VP9, CodecVectors.vp9FlexibleKeyframe())).isTrue();
    assertThat(key(VP9, hex("08 // B=1 only, no layer indices", "82 49 83"))).isTrue();
  }

  @Test
  void vp9RejectsInterPredictedEndOfFrameAndUpperSpatialLayers() {
    assertThat(key(VP9, CodecVectors.vp9FlexibleInterFrame())).isFalse();
    assertThat(key(VP9, CodecVectors.vp9UpperSpatialLayerOfKeyPicture())).isFalse();
    byte[] notStart = CodecVectors.vp9NonFlexibleKeyframe();
    notStart[0] = (byte) 0xa2; // B=0: middle of the frame
    assertThat(key(VP9, notStart)).isFalse();
  }

  @Test
  void vp9TruncatedDescriptorIsNotAKeyframe() {
    assertThat(key(VP9, hex("aa // I=1, picture id missing"))).isFalse();
    assertThat(key(VP9, hex("aa 80 01 // layer indices missing"))).isFalse();
    assertThat(key(VP9, hex("aa 80 01 00 07 // descriptor only, no frame"))).isFalse();
    assertThat(key(VP9, hex("08 // B=1, nothing after"))).isFalse();
  }

  @Test
  void h264SingleNalIdrOrSps() {
    assertThat(key(H264, hex("65 // NRI=3 type 5 IDR", "888400"))).isTrue();
    assertThat(key(H264, hex("67 // type 7 SPS", "42c01f"))).isTrue();
    assertThat(key(H264, hex("41 // NRI=2 type 1 non-IDR slice", "9a0000"))).isFalse();
    assertThat(key(H264, hex("68 // type 8 PPS alone", "ce3c80"))).isFalse();
  }

  @Test
  void h264StapAWithSpsOrIdr() {
    assertThat(key(H264, CodecVectors.h264StapASpsPps())).isTrue();
    assertThat(key(H264, hex("78", "0002 0605 // SEI", "0003 658884 // IDR second"))).isTrue();
    assertThat(key(H264, hex("78", "0002 419a // non-IDR", "0002 0605 // SEI"))).isFalse();
  }

  @Test
  void h264TruncatedStapAIsNotAKeyframe() {
    assertThat(key(H264, hex("78", "0010 6742 // size 16, 2 bytes follow"))).isFalse();
    assertThat(key(H264, hex("78", "0000 // zero size", "0003 658884"))).isFalse();
    assertThat(key(H264, hex("78 00 // half a size field"))).isFalse();
  }

  @Test
  void h264FuAStartOfIdr() {
    assertThat(key(H264, CodecVectors.h264FuAIdrStart())).isTrue();
    assertThat(key(H264, hex("7c 05 // S=0: middle fragment of an IDR", "8884"))).isFalse();
    assertThat(key(H264, hex("7c 45 // E=1: last fragment", "8884"))).isFalse();
    assertThat(key(H264, hex("7c 81 // S=1 non-IDR slice", "9a00"))).isFalse();
    assertThat(key(H264, hex("7c // FU header missing"))).isFalse();
  }

  @Test
  void av1KeyframeByNBitOrLeadingSequenceHeader() {
    assertThat(key(AV1, CodecVectors.av1NewCodedVideoSequence())).isTrue();
    assertThat(key(AV1, CodecVectors.av1SequenceHeaderFirstWithoutN())).isTrue();
    assertThat(key(AV1, hex("10 // W=1 N=0", "0a 0b 0000 // sequence header with size field")))
        .isTrue();
    assertThat(key(AV1, CodecVectors.av1InterFrame())).isFalse();
    assertThat(key(AV1, hex("90 // Z=1 W=1: continues an OBU", "08 0000 42"))).isFalse();
  }

  @Test
  void av1MultiByteLeb128Length() {
    byte[] payload = new byte[1 + 2 + 130];
    payload[0] = 0x00; // W=0: every element has a length
    payload[1] = (byte) 0x82; // LEB128 130 = 0x82 0x01
    payload[2] = 0x01;
    payload[3] = 0x08; // OBU_SEQUENCE_HEADER
    assertThat(key(AV1, payload)).isTrue();
    assertThat(key(AV1, Arrays.copyOf(payload, 100))).as("element overruns").isFalse();
  }

  @Test
  void av1MalformedLengthIsNotAKeyframe() {
    assertThat(key(AV1, hex("00 ffff // LEB128 never ends"))).isFalse();
    assertThat(key(AV1, hex("00 ffffffffffffffff01 08 // LEB128 longer than 8 bytes"))).isFalse();
    assertThat(key(AV1, hex("20 7f 08 // length 127, 1 byte follows"))).isFalse();
    assertThat(key(AV1, hex("20 00 08 // zero-length element"))).isFalse();
    assertThat(key(AV1, hex("10 // aggregation header only"))).isFalse();
  }

  @Test
  void otherCodecsAndBadBoundsAreNeverKeyframes() {
    byte[] idr = hex("65 888400");
    assertThat(KeyframeDetector.isKeyframe(CodecKind.OPUS, idr, 0, 4)).isFalse();
    assertThat(KeyframeDetector.isKeyframe(CodecKind.OTHER, idr, 0, 4)).isFalse();
    assertThat(KeyframeDetector.isKeyframe(null, idr, 0, 4)).isFalse();
    assertThat(KeyframeDetector.isKeyframe(H264, idr, 2, 4)).isFalse();
    assertThat(KeyframeDetector.isKeyframe(H264, null, 0, 0)).isFalse();
  }

  @Test
  void codecKindFromMimeType() {
    assertThat(CodecKind.fromMimeType("video/VP8")).isEqualTo(VP8);
    assertThat(CodecKind.fromMimeType("video/vp9")).isEqualTo(VP9);
    assertThat(CodecKind.fromMimeType("video/H264")).isEqualTo(H264);
    assertThat(CodecKind.fromMimeType("video/AV1")).isEqualTo(AV1);
    assertThat(CodecKind.fromMimeType("audio/opus")).isEqualTo(CodecKind.OPUS);
    assertThat(CodecKind.fromMimeType("video/rtx")).isEqualTo(CodecKind.OTHER);
    assertThat(CodecKind.fromMimeType("other")).isEqualTo(CodecKind.OTHER);
  }
}
