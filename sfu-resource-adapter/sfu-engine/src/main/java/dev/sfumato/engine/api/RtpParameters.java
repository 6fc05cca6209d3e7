package dev.sfumato.engine.api;

import java.util.List;
import java.util.Objects;

/**
 * What one side sends or receives on one m-line, in the engine's terms rather than SDP's (mediasoup
 * RtpParameters). The session layer builds these from the negotiated SDP.
 *
 * @param mid the m-line's MID, used to route packets that carry the mid header extension
 * @param codecs the media codecs first (preferred first), then their RTX entries
 * @param headerExtensions the negotiated extensions with this side's ids
 * @param encodings one per stream; several for simulcast
 * @param cname the RTCP CNAME (RFC 7022), empty when unknown
 * @param reducedSizeRtcp whether RFC 5506 reduced-size RTCP was negotiated
 */
public record RtpParameters(
    String mid,
    List<RtpCodecParameters> codecs,
    List<RtpHeaderExtensionParameters> headerExtensions,
    List<RtpEncodingParameters> encodings,
    String cname,
    boolean reducedSizeRtcp) {

  public RtpParameters {
    Objects.requireNonNull(mid, "mid");
    codecs = List.copyOf(codecs);
    headerExtensions = List.copyOf(headerExtensions);
    encodings = List.copyOf(encodings);
    cname = cname == null ? "" : cname;
    if (codecs.stream().noneMatch(c -> !c.isRtx())) {
      throw Checks.invalid("at least one media codec is required");
    }
    if (encodings.isEmpty()) {
      throw Checks.invalid("at least one encoding is required");
    }
    if (codecs.stream().map(RtpCodecParameters::payloadType).distinct().count() != codecs.size()) {
      throw Checks.invalid("payload types must be unique");
    }
    if (headerExtensions.stream().map(RtpHeaderExtensionParameters::id).distinct().count()
        != headerExtensions.size()) {
      throw Checks.invalid("header extension ids must be unique");
    }
  }

  public MediaKind kind() {
    return codecs.stream().filter(c -> !c.isRtx()).findFirst().orElseThrow().kind();
  }

  /** The id of the extension with this URI, or 0 when it was not negotiated. */
  public int extensionId(String uri) {
    for (RtpHeaderExtensionParameters e : headerExtensions) {
      if (e.uri().equals(uri)) {
        return e.id();
      }
    }
    return 0;
  }
}
