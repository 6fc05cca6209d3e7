package dev.sfumato.rooms.sdp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Intersects the formats of one offered RTP section with the server's codecs (RFC 3264 §6.1, RFC
 * 8829 §5.3.1). The answer keeps the offer's payload types, lists formats in the server's
 * preference order (offer order among equals), keeps RED only with the codecs it wraps and RTX (RFC
 * 4588 §8.1, matched by apt) only with an accepted video codec.
 */
final class CodecNegotiation {
  private CodecNegotiation() {}

  /** An accepted offered format and its place in our preference. */
  private record Match(int rank, int offerPos, RtpMap rtpMap, CodecCapability cap) {}

  static List<NegotiatedMedia.Codec> negotiate(MediaDescription m, ServerCapabilities caps) {
    List<Match> matches = new ArrayList<>();
    Set<Integer> accepted = new HashSet<>();
    List<Integer> pts = payloadTypes(m);
    for (int i = 0; i < pts.size(); i++) {
      RtpMap rtpMap = m.rtpMap(pts.get(i));
      if (rtpMap == null || isRtx(rtpMap)) {
        continue;
      }
      Map<String, String> fmtp = fmtpParameters(m, rtpMap.payloadType());
      for (int rank = 0; rank < caps.codecs().size(); rank++) {
        CodecCapability cap = caps.codecs().get(rank);
        if (!cap.isRed() && cap.matches(m.media(), rtpMap, fmtp)) {
          matches.add(new Match(rank, i, rtpMap, cap));
          accepted.add(rtpMap.payloadType());
          break;
        }
      }
    }
    addRed(m, caps, pts, accepted, matches);
    matches.sort(Comparator.comparingInt(Match::rank).thenComparingInt(Match::offerPos));
    List<NegotiatedMedia.Codec> out = new ArrayList<>();
    for (Match match : matches) {
      out.add(codec(m, caps, match));
    }
    return out;
  }

  /** RFC 2198 RED is kept only when each payload type its fmtp ("111/111") names is accepted. */
  private static void addRed(
      MediaDescription m,
      ServerCapabilities caps,
      List<Integer> pts,
      Set<Integer> accepted,
      List<Match> matches) {
    for (int i = 0; i < pts.size(); i++) {
      RtpMap rtpMap = m.rtpMap(pts.get(i));
      if (rtpMap == null || !"red".equalsIgnoreCase(rtpMap.encoding())) {
        continue;
      }
      for (int rank = 0; rank < caps.codecs().size(); rank++) {
        CodecCapability cap = caps.codecs().get(rank);
        if (cap.isRed()
            && cap.matches(m.media(), rtpMap, Map.of())
            && wrapsAccepted(m.fmtp(rtpMap.payloadType()), accepted)) {
          matches.add(new Match(rank, i, rtpMap, cap));
          break;
        }
      }
    }
  }

  private static boolean wrapsAccepted(Fmtp fmtp, Set<Integer> accepted) {
    if (fmtp == null) {
      return false;
    }
    String[] parts = fmtp.params().split("/");
    for (String p : parts) {
      String t = p.strip();
      if (!Tokens.isDigits(t) || t.length() > 3 || !accepted.contains(Integer.parseInt(t))) {
        return false;
      }
    }
    return true;
  }

  private static NegotiatedMedia.Codec codec(
      MediaDescription m, ServerCapabilities caps, Match match) {
    int pt = match.rtpMap().payloadType();
    List<RtcpFb> feedback = new ArrayList<>();
    for (RtcpFb f : m.rtcpFb(pt)) {
      if (caps.supportsFeedback(f) && feedback.stream().noneMatch(f::sameFeedback)) {
        feedback.add(f.withPayloadType(pt));
      }
    }
    String fmtp = match.cap().answerFmtp(m.fmtp(pt));
    int rtx = caps.rtx() && "video".equals(m.media()) ? rtxFor(m, match.rtpMap()) : -1;
    return new NegotiatedMedia.Codec(
        pt,
        match.rtpMap().encoding(),
        match.rtpMap().clockRate(),
        match.rtpMap().channels(),
        fmtp == null ? "" : fmtp,
        feedback,
        rtx);
  }

  /** The offered rtx format whose apt is {@code primary}, or -1. */
  private static int rtxFor(MediaDescription m, RtpMap primary) {
    for (int pt : payloadTypes(m)) {
      RtpMap r = m.rtpMap(pt);
      if (r != null && isRtx(r) && r.clockRate() == primary.clockRate()) {
        String apt = fmtpParameters(m, pt).get("apt");
        if (Integer.toString(primary.payloadType()).equals(apt)) {
          return pt;
        }
      }
    }
    return -1;
  }

  private static boolean isRtx(RtpMap r) {
    return "rtx".equalsIgnoreCase(r.encoding());
  }

  private static Map<String, String> fmtpParameters(MediaDescription m, int pt) {
    Fmtp f = m.fmtp(pt);
    return f == null ? Map.of() : f.parameters();
  }

  /** The numeric formats of the m= line (RTP payload types), in order. */
  static List<Integer> payloadTypes(MediaDescription m) {
    List<Integer> out = new ArrayList<>();
    for (String f : m.formats()) {
      if (Tokens.isDigits(f) && f.length() <= 3) {
        int pt = Integer.parseInt(f);
        if (pt <= 127 && !out.contains(pt)) {
          out.add(pt);
        }
      }
    }
    return out;
  }
}
