package dev.sfumato.rooms.sdp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A codec the server accepts, matched against an offer's rtpmap by name (case-insensitive), clock
 * rate and, for audio, channels (RFC 3264 §6.1), and against its fmtp by {@link #rules()}. In the
 * answer the offer's payload type and fmtp are kept, with {@link #parameters()} laid over the fmtp
 * (so H.264 and VP9, which add none, echo the offer's fmtp verbatim).
 *
 * @param kind "audio" or "video"
 * @param channels 0 for video; 1 or 2 for audio
 * @param parameters fmtp parameters we want in the answer (lower-case keys), possibly empty
 * @param rules fmtp parameters the offer must carry with an accepted value
 */
public record CodecCapability(
    String kind,
    String name,
    int clockRate,
    int channels,
    Map<String, String> parameters,
    List<Rule> rules) {

  /**
   * The offer's value of fmtp parameter {@code key} (or {@code absentValue} when it gives none)
   * must be one of {@code accepted}.
   */
  public record Rule(String key, String absentValue, Set<String> accepted) {
    public Rule {
      key = key.toLowerCase(Locale.ROOT);
      accepted = Set.copyOf(accepted);
    }

    boolean test(Map<String, String> offered) {
      return accepted.contains(offered.getOrDefault(key, absentValue));
    }
  }

  public CodecCapability {
    if (!"audio".equals(kind) && !"video".equals(kind)) {
      throw new IllegalArgumentException("kind must be audio or video");
    }
    Tokens.requireToken(name, "codec name");
    parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    rules = List.copyOf(rules);
  }

  /** RFC 7587: Opus 48000/2; we ask for in-band FEC and 10 ms minimum packets. */
  public static CodecCapability opus() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("minptime", "10");
    p.put("useinbandfec", "1");
    return new CodecCapability("audio", "opus", 48000, 2, p, List.of());
  }

  /**
   * RFC 2198 redundant audio (Chromium's "red/48000/2", fmtp "111/111"); accepted only when every
   * payload type it wraps is accepted too.
   */
  public static CodecCapability red() {
    return new CodecCapability("audio", "red", 48000, 2, Map.of(), List.of());
  }

  /** RFC 7741 VP8. */
  public static CodecCapability vp8() {
    return new CodecCapability("video", "VP8", 90000, 0, Map.of(), List.of());
  }

  /** VP9 (RFC 9628) with profile-id 0 (8-bit 4:2:0) or 2 (10-bit 4:2:0); absent means 0. */
  public static CodecCapability vp9() {
    return new CodecCapability(
        "video", "VP9", 90000, 0, Map.of(), List.of(new Rule("profile-id", "0", Set.of("0", "2"))));
  }

  /**
   * H.264 (RFC 6184) with packetization-mode=1 (absent means 0, single NAL, which we do not
   * forward); every profile-level-id is accepted and the offer's fmtp is echoed, so the publisher
   * keeps the profile it offered.
   */
  public static CodecCapability h264() {
    return new CodecCapability(
        "video",
        "H264",
        90000,
        0,
        Map.of(),
        List.of(new Rule("packetization-mode", "0", Set.of("1"))));
  }

  /** AV1 (AV1 RTP spec §7.2) main profile 0, the one every browser decodes; absent means 0. */
  public static CodecCapability av1() {
    return new CodecCapability(
        "video", "AV1", 90000, 0, Map.of(), List.of(new Rule("profile", "0", Set.of("0"))));
  }

  /** This codec accepts {@code rtpMap} with fmtp {@code fmtp} offered in a {@code kind} section. */
  boolean matches(String mediaKind, RtpMap rtpMap, Map<String, String> fmtp) {
    if (!kind.equals(mediaKind)
        || !name.equalsIgnoreCase(rtpMap.encoding())
        || clockRate != rtpMap.clockRate()) {
      return false;
    }
    if ("audio".equals(kind) && rtpMap.channelsOrDefault() != Math.max(1, channels)) {
      return false;
    }
    for (Rule r : rules) {
      if (!r.test(fmtp)) {
        return false;
      }
    }
    return true;
  }

  boolean isRed() {
    return "red".equalsIgnoreCase(name);
  }

  /** The answer's fmtp: the offer's, with our parameters laid over it; null when both are empty. */
  String answerFmtp(Fmtp offered) {
    if (parameters.isEmpty()) {
      return offered == null ? null : offered.params();
    }
    Map<String, String> merged =
        offered == null ? new LinkedHashMap<>() : new LinkedHashMap<>(offered.parameters());
    merged.putAll(parameters);
    return Fmtp.formatParameters(merged);
  }
}
