package dev.sfumato.bench;

import dev.sfumato.engine.api.RtcpFeedback;
import dev.sfumato.engine.api.RtpCodecParameters;
import dev.sfumato.engine.api.RtpEncodingParameters;
import dev.sfumato.engine.api.RtpHeaderExtensionParameters;
import dev.sfumato.engine.api.RtpParameters;
import dev.sfumato.engine.rtp.HeaderExtensionIds;
import java.util.List;
import java.util.Map;

/**
 * The packets and parameters every benchmark here uses: a Chromium-shaped VP8 video packet of 1200
 * bytes (RFC 3550 fixed header, an RFC 8285 one-byte extension block with mid, abs-send-time and
 * transport-cc, a 1-byte VP8 payload descriptor, RFC 7741 §4.2) and matching producer/consumer
 * parameters.
 */
final class BenchPackets {

  /** A full-size video packet as browsers send them (they stay near 1200 bytes, PLATFORM.md). */
  static final int LENGTH = 1200;

  /** Publisher-side extension ids (Chromium's usual numbering). */
  static final int MID_ID = 4;

  static final int ABS_SEND_TIME_ID = 2;
  static final int TRANSPORT_CC_ID = 3;

  /** Offset of the VP8 payload descriptor: 12 fixed + 4 extension header + 12 extension bytes. */
  static final int PAYLOAD_OFFSET = 28;

  static final int PT = 96;
  static final int SUBSCRIBER_PT = 100;

  private BenchPackets() {}

  /** Writes one packet into {@code p[0, LENGTH)}; a keyframe carries the VP8 key header. */
  static void vp8(byte[] p, int seq, long ts, long ssrc, boolean keyframe) {
    p[0] = (byte) 0x90; // V=2, X=1
    p[1] = (byte) PT;
    put16(p, 2, seq);
    put32(p, 4, ts);
    put32(p, 8, ssrc);
    put16(p, 12, 0xBEDE); // RFC 8285 §4.2 one-byte form
    put16(p, 14, 3); // 3 words of elements
    p[16] = (byte) (MID_ID << 4); // mid "0", L=0 means 1 byte
    p[17] = '0';
    p[18] = (byte) ((ABS_SEND_TIME_ID << 4) | 2); // 3 bytes
    p[19] = (byte) (ts >> 16);
    p[20] = (byte) (ts >> 8);
    p[21] = (byte) ts;
    p[22] = (byte) ((TRANSPORT_CC_ID << 4) | 1); // 2 bytes
    put16(p, 23, seq);
    p[25] = 0;
    p[26] = 0;
    p[27] = 0; // padding to the word
    p[PAYLOAD_OFFSET] = 0x10; // VP8 descriptor: S=1, partition 0
    // RFC 6386 §9.1: P bit 0 = keyframe, then the start code 9d 01 2a
    p[PAYLOAD_OFFSET + 1] = (byte) (keyframe ? 0x00 : 0x01);
    p[PAYLOAD_OFFSET + 4] = (byte) 0x9D;
    p[PAYLOAD_OFFSET + 5] = 0x01;
    p[PAYLOAD_OFFSET + 6] = 0x2A;
  }

  static void put16(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 8);
    b[at + 1] = (byte) v;
  }

  static void put32(byte[] b, int at, long v) {
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
  }

  /** VP8 + RTX with NACK/PLI, as a browser publishes it; extension ids as {@link #vp8} writes. */
  static RtpParameters publisher(long ssrc) {
    return video(
        PT,
        ssrc,
        List.of(
            new RtpHeaderExtensionParameters(HeaderExtensionIds.MID, MID_ID),
            new RtpHeaderExtensionParameters(HeaderExtensionIds.ABS_SEND_TIME, ABS_SEND_TIME_ID),
            new RtpHeaderExtensionParameters(
                HeaderExtensionIds.TRANSPORT_WIDE_CC, TRANSPORT_CC_ID)));
  }

  /**
   * A subscriber with other payload type and extension ids than the publisher, so the consumer
   * really rewrites PT and remaps ids (mid is stripped, ConsumerMapping).
   */
  static RtpParameters subscriber(long ssrc) {
    return video(
        SUBSCRIBER_PT,
        ssrc,
        List.of(
            new RtpHeaderExtensionParameters(HeaderExtensionIds.ABS_SEND_TIME, 5),
            new RtpHeaderExtensionParameters(HeaderExtensionIds.TRANSPORT_WIDE_CC, 6)));
  }

  private static RtpParameters video(
      int pt, long ssrc, List<RtpHeaderExtensionParameters> extensions) {
    List<RtcpFeedback> fb = List.of(new RtcpFeedback("nack", ""), new RtcpFeedback("nack", "pli"));
    return new RtpParameters(
        "0",
        List.of(
            new RtpCodecParameters("video/VP8", pt, 90_000, 0, Map.of(), fb),
            new RtpCodecParameters(
                "video/rtx", pt + 1, 90_000, 0, Map.of("apt", String.valueOf(pt)), List.of())),
        extensions,
        List.of(new RtpEncodingParameters(ssrc, "", 0)),
        "bench",
        true);
  }
}
