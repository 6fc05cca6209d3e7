package dev.sfumato.rooms.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * One media section (RFC 8866 §5.14): {@code m=<media> <port>[/<count>] <proto> <fmt>...}, the
 * non-attribute lines that follow it and its attributes, in the order written. The accessors read
 * only this section; {@link SessionDescription} resolves what may also come from session level.
 */
public record MediaDescription(
    String media,
    int port,
    int portCount,
    String proto,
    List<String> formats,
    List<SdpLine> lines,
    List<Attribute> attributes)
    implements Attributed {

  public MediaDescription {
    Tokens.requireToken(media, "m= media type");
    if (port < 0 || port > 65535) {
      throw new SdpException("m= port " + port + " is out of range 0..65535");
    }
    if (portCount < 0 || portCount > 65535) {
      throw new SdpException("m= port count is out of range");
    }
    Tokens.requireWord(proto, "m= protocol"); // RFC 8866: token *("/" token)
    formats = List.copyOf(formats);
    if (formats.isEmpty()) {
      throw new SdpException("m= line needs at least one format");
    }
    formats.forEach(f -> Tokens.requireToken(f, "m= format"));
    lines = List.copyOf(lines);
    for (SdpLine l : lines) {
      if (SdpLine.MEDIA_TYPES.indexOf(l.type()) < 0) {
        throw new SdpException("'" + l.type() + "=' is not allowed in a media section");
      }
    }
    attributes = List.copyOf(attributes);
  }

  /** The a=mid value, or null. */
  public String mid() {
    Attribute.Mid m = first(Attribute.Mid.class);
    return m == null ? null : m.id();
  }

  /** The media-level direction attribute, or null when the section has none. */
  public Direction direction() {
    return first(Direction.class);
  }

  /** Port 0 without bundle-only: the writer disabled or rejected this section (RFC 8843 §6). */
  public boolean isRejected() {
    return port == 0 && !has(Flag.BUNDLE_ONLY);
  }

  /** The rtpmap of {@code pt}, or null (static payload types may have none). */
  public RtpMap rtpMap(int pt) {
    for (RtpMap r : all(RtpMap.class)) {
      if (r.payloadType() == pt) {
        return r;
      }
    }
    return null;
  }

  /** The fmtp of {@code pt}, or null. */
  public Fmtp fmtp(int pt) {
    for (Fmtp f : all(Fmtp.class)) {
      if (f.payloadType() == pt) {
        return f;
      }
    }
    return null;
  }

  /** The feedback that applies to {@code pt}: its own lines, then the "*" ones. */
  public List<RtcpFb> rtcpFb(int pt) {
    List<RtcpFb> out = new ArrayList<>();
    for (RtcpFb f : all(RtcpFb.class)) {
      if (f.payloadType() == pt) {
        out.add(f);
      }
    }
    for (RtcpFb f : all(RtcpFb.class)) {
      if (f.payloadType() == RtcpFb.WILDCARD) {
        out.add(f.withPayloadType(pt));
      }
    }
    return out;
  }

  /** The distinct SSRCs named by a=ssrc lines, in order of first appearance. */
  public List<Long> ssrcs() {
    List<Long> out = new ArrayList<>();
    for (Ssrc s : all(Ssrc.class)) {
      if (!out.contains(s.ssrc())) {
        out.add(s.ssrc());
      }
    }
    return out;
  }

  /** The value of source attribute {@code name} for {@code ssrc} (e.g. "cname"), or null. */
  public String ssrcAttribute(long ssrc, String name) {
    for (Ssrc s : all(Ssrc.class)) {
      if (s.ssrc() == ssrc && s.attribute().equals(name)) {
        return s.value();
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return SdpWriter.writeMedia(this);
  }
}
