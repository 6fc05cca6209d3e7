package dev.sfumato.engine.codec;

import static dev.sfumato.engine.rtp.Hex.hex;

/** Hand-built RTP payloads (descriptor + start of the codec payload) per codec. */
final class CodecVectors {

  private CodecVectors() {}

  static byte[] vp8KeyframeMinimal() {
    return hex(
        "10 // X=0 N=0 S=1 PID=0",
        "10 02 00 // frame tag: P=0 (key frame), VER=0, show_frame=1, first partition size",
        "9d 01 2a // key frame start code (RFC 6386 §9.1)",
        "8002 e001 // 640 × 480");
  }

  static byte[] vp8KeyframeExtended() {
    return hex(
        "90 // X=1 S=1 PID=0",
        "f0 // I=1 L=1 T=1 K=1",
        "80 2a // M=1: 15-bit PictureID 42",
        "05 // TL0PICIDX 5",
        "23 // TID=0 Y=1 KEYIDX=3",
        "10 02 00 9d 01 2a 8002 e001 // key frame header");
  }

  static byte[] vp8InterFrame() {
    return hex(
        "90 // X=1 S=1 PID=0",
        "80 // I=1",
        "2b // M=0: 7-bit PictureID 43",
        "11 02 00 // frame tag: P=1 (inter frame)",
        "000000 0000 0000");
  }

  static byte[] vp9NonFlexibleKeyframe() {
    return hex(
        "aa // I=1 P=0 L=1 F=0 B=1 E=0 V=1 Z=0",
        "80 01 // M=1: 15-bit PICTURE ID 1",
        "00 // TID=0 U=0 SID=0 D=0",
        "07 // TL0PICIDX 7 (non-flexible mode only)",
        "18 0280 01e0 01 04 01 00 // SS: N_S=0 Y=1 G=1, 640×480, N_G=1",
        "82 49 83 42 00 // frame header bytes");
  }

  static byte[] vp9UpperSpatialLayerOfKeyPicture() {
    return hex(
        "a8 // I=1 P=0 L=1 F=0 B=1 E=0 V=0 Z=0",
        "80 01 // PICTURE ID 1",
        "03 // TID=0 U=0 SID=1 D=1 (inter-layer dependency)",
        "07 // TL0PICIDX",
        "82 49 83 42 00");
  }

  static byte[] vp9FlexibleKeyframe() {
    return hex(
        "bc // I=1 P=0 L=1 F=1 B=1 E=1 V=0 Z=0",
        "05 // M=0: 7-bit PICTURE ID 5",
        "00 // TID=0 U=0 SID=0 D=0; no TL0PICIDX in flexible mode",
        "82 49 83 42 00");
  }

  static byte[] vp9FlexibleInterFrame() {
    return hex(
        "fc // I=1 P=1 L=1 F=1 B=1 E=1",
        "06 // PICTURE ID 6",
        "00 // layer indices",
        "02 // P_DIFF 1, N=0",
        "86 00 40 92");
  }

  static byte[] h264StapASpsPps() {
    return hex(
        "78 // STAP-A: F=0 NRI=3 type 24",
        "0004 // NALU 1 size",
        "67 42c01f // SPS (type 7)",
        "0004 // NALU 2 size",
        "68 ce3c80 // PPS (type 8)");
  }

  static byte[] h264FuAIdrStart() {
    return hex(
        "7c // FU indicator: NRI=3 type 28 (FU-A)",
        "85 // FU header: S=1 E=0 R=0 type 5 (IDR)",
        "88 84 00 33 ff // first bytes of the IDR slice");
  }

  static byte[] av1NewCodedVideoSequence() {
    return hex(
        "18 // Z=0 Y=0 W=1 N=1: first packet of a coded video sequence",
        "0a 0b 0000 0042 a7bf e4 // OBU_SEQUENCE_HEADER, size field, body");
  }

  static byte[] av1SequenceHeaderFirstWithoutN() {
    return hex(
        "20 // Z=0 Y=0 W=2 N=0",
        "04 // first OBU element length 4 (LEB128)",
        "08 0000 42 // OBU header: type 1 (OBU_SEQUENCE_HEADER), no size field",
        "30 1122 // second element (no length: the last one): OBU_FRAME");
  }

  static byte[] av1InterFrame() {
    return hex("10 // Z=0 Y=0 W=1 N=0", "30 11223344 // OBU header: type 6 (OBU_FRAME)");
  }
}
