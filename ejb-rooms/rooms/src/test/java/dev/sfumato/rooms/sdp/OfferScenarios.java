package dev.sfumato.rooms.sdp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The offers whose real Chromium answers are kept under {@code answers/} (see answers/README.md).
 * They must not change, or the kept answers no longer fit them.
 */
final class OfferScenarios {
  static final LocalTransport LOCAL = AnswerBuilderTest.LOCAL;
  static final OfferBuilder BUILDER = new OfferBuilder(ServerCapabilities.defaults(), LOCAL);

  static final NegotiatedMedia.Codec OPUS =
      new NegotiatedMedia.Codec(111, "opus", 48000, 2, "minptime=10;useinbandfec=1", List.of(), -1);
  static final NegotiatedMedia.Codec RED =
      new NegotiatedMedia.Codec(63, "red", 48000, 2, "111/111", List.of(), -1);
  static final NegotiatedMedia.Codec VP8 =
      new NegotiatedMedia.Codec(96, "VP8", 90000, 0, "", List.of(), 97);
  static final NegotiatedMedia.Codec H264 =
      new NegotiatedMedia.Codec(
          102,
          "H264",
          90000,
          0,
          "level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f",
          List.of(),
          103);

  static final OfferSection AUDIO_A1 =
      OfferSection.live("a1", "audio", sender("PA_alice", "TR_amic", 1001, 0), List.of(RED, OPUS));
  static final OfferSection VIDEO_V1 =
      OfferSection.live("v1", "video", sender("PA_alice", "TR_vcam", 2001, 2002), List.of(VP8));
  static final OfferSection VIDEO_V2 =
      OfferSection.live("v2", "video", sender("PA_bob", "TR_bcam", 3001, 3002), List.of(H264));
  static final OfferSection AUDIO_A2 =
      OfferSection.live("a2", "audio", sender("PA_bob", "TR_bmic", 4001, 0), List.of(OPUS));

  private OfferScenarios() {}

  static LocalSender sender(String participant, String track, long ssrc, long rtx) {
    return new LocalSender(participant + "|" + track, track, "sfumato", ssrc, rtx);
  }

  /** Data channel, Alice's microphone (RED + Opus) and camera (VP8 + RTX). */
  static SdpOffer initial() {
    return BUILDER.offer(List.of(AUDIO_A1, VIDEO_V1), true, 4242, 1);
  }

  /** Alice's microphone goes away (stopped in place), Bob's camera (H.264 + RTX) is appended. */
  static SdpOffer stopAndAdd() {
    return BUILDER.reoffer(initial(), List.of(AUDIO_A1.stop(), VIDEO_V1, VIDEO_V2));
  }

  /** Bob's microphone recycles the stopped audio section under a new mid. */
  static SdpOffer recycle() {
    return BUILDER.reoffer(stopAndAdd(), List.of(AUDIO_A2, VIDEO_V1, VIDEO_V2));
  }

  /** No data channel, one H.264 camera. */
  static SdpOffer videoOnly() {
    return BUILDER.offer(List.of(VIDEO_V2), false, 77, 1);
  }

  static String answer(String name) {
    try (InputStream in = OfferScenarios.class.getResourceAsStream("answers/" + name + ".sdp")) {
      if (in == null) {
        throw new IllegalArgumentException("no answer " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
