package dev.sfumato.rooms.sdp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The captured offers under test resources (see offers/README.md). */
final class Samples {
  static final List<String> ALL =
      List.of(
          "chromium-video-sendonly",
          "chromium-audio-video-sendonly",
          "chromium-simulcast",
          "chromium-whep-recvonly",
          "chromium-recvonly-datachannel",
          "firefox-audio-video-sendonly",
          "libdatachannel-obs-h264",
          "libdatachannel-obs-h264-nocandidates",
          "gstreamer-webrtcbin-h264",
          "gstreamer-webrtcbin-vp8",
          "werift-vp8",
          "werift-h264");

  private Samples() {}

  static String text(String name) {
    try (InputStream in = Samples.class.getResourceAsStream("offers/" + name + ".sdp")) {
      if (in == null) {
        throw new IllegalArgumentException("no sample " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static SessionDescription parse(String name) {
    return SdpParser.parse(text(name));
  }
}
