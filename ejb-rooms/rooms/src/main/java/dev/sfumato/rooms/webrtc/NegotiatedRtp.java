package dev.sfumato.rooms.webrtc;

import dev.sfumato.engine.api.RtcpFeedback;
import dev.sfumato.engine.api.RtpCodecParameters;
import dev.sfumato.engine.api.RtpEncodingParameters;
import dev.sfumato.engine.api.RtpHeaderExtensionParameters;
import dev.sfumato.engine.api.RtpParameters;
import dev.sfumato.rooms.sdp.NegotiatedMedia;
import dev.sfumato.rooms.sdp.RtcpFb;
import dev.sfumato.rooms.sdp.SsrcGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns what SDP negotiated for one m-line into the engine's RtpParameters: the engine speaks
 * payload types, SSRCs, RIDs and extension ids, never SDP.
 */
public final class NegotiatedRtp {
  private NegotiatedRtp() {}

  /**
   * What a publisher sends on this m-line. Encodings: one per RID for simulcast (SSRCs learned from
   * the packets), else the primary SSRC of each FID group or the first SSRC signalled.
   */
  public static RtpParameters forProducer(NegotiatedMedia m, String cname) {
    List<RtpEncodingParameters> encodings = new ArrayList<>();
    if (!m.rids().isEmpty()) {
      m.rids().forEach(rid -> encodings.add(new RtpEncodingParameters(0, rid, 0)));
    } else {
      long primary = m.ssrcs().isEmpty() ? 0 : m.ssrcs().get(0);
      long rtx = 0;
      for (SsrcGroup g : m.ssrcGroups()) {
        if (g.semantics().equals("FID") && g.ssrcs().size() == 2) {
          primary = g.ssrcs().get(0);
          rtx = g.ssrcs().get(1);
        }
      }
      if (primary == 0) {
        throw new SessionException(
            SessionException.Code.BAD_REQUEST,
            "m-line " + m.mid() + " signals neither a=ssrc nor a=rid: cannot tell its stream");
      }
      encodings.add(new RtpEncodingParameters(primary, "", rtx));
    }
    return parameters(m, encodings, cname);
  }

  /** What a subscriber receives on this m-line: its payload types and ids, our SSRCs. */
  public static RtpParameters forConsumer(
      NegotiatedMedia m, long ssrc, long rtxSsrc, String cname) {
    boolean rtxNegotiated = m.codecs().stream().anyMatch(c -> c.rtxPayloadType() >= 0);
    return parameters(
        m, List.of(new RtpEncodingParameters(ssrc, "", rtxNegotiated ? rtxSsrc : 0)), cname);
  }

  private static RtpParameters parameters(
      NegotiatedMedia m, List<RtpEncodingParameters> encodings, String cname) {
    List<RtpCodecParameters> codecs = new ArrayList<>();
    List<RtpCodecParameters> rtx = new ArrayList<>();
    for (NegotiatedMedia.Codec c : m.codecs()) {
      int channels = m.kind().equals("audio") ? Math.max(1, c.channels()) : 0;
      codecs.add(
          new RtpCodecParameters(
              c.mimeType(m.kind()),
              c.payloadType(),
              c.clockRate(),
              channels,
              fmtp(c.fmtp()),
              feedback(c.feedback())));
      if (c.rtxPayloadType() >= 0) {
        rtx.add(
            new RtpCodecParameters(
                m.kind() + "/rtx",
                c.rtxPayloadType(),
                c.clockRate(),
                0,
                Map.of("apt", Integer.toString(c.payloadType())),
                List.of()));
      }
    }
    codecs.addAll(rtx);
    List<RtpHeaderExtensionParameters> extensions =
        m.headerExtensions().stream()
            .map(e -> new RtpHeaderExtensionParameters(e.uri(), e.id()))
            .toList();
    return new RtpParameters(m.mid(), codecs, extensions, encodings, cname, true);
  }

  /** {@code a=fmtp} parameters as an ordered map; a bare value without '=' keeps an empty key. */
  static Map<String, String> fmtp(String fmtp) {
    Map<String, String> params = new LinkedHashMap<>();
    if (fmtp == null || fmtp.isBlank()) {
      return params;
    }
    for (String part : fmtp.split(";")) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      int eq = p.indexOf('=');
      if (eq < 0) {
        params.put("", p);
      } else {
        params.put(p.substring(0, eq).trim(), p.substring(eq + 1).trim());
      }
    }
    return params;
  }

  private static List<RtcpFeedback> feedback(List<RtcpFb> fbs) {
    return fbs.stream()
        .map(f -> new RtcpFeedback(f.type(), f.param() == null ? "" : f.param()))
        .toList();
  }
}
