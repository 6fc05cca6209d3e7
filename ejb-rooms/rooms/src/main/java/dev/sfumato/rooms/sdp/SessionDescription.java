package dev.sfumato.rooms.sdp;

import java.util.List;

/**
 * A whole session description (RFC 8866 §5): {@code v=0}, the origin, the session name, the other
 * session-level lines (t=, c=, b=…) and attributes, and the media sections in order. {@link
 * SdpParser} builds it, {@link SdpWriter} writes it back, and {@code parse(write(x)).equals(x)}.
 *
 * <p>The {@code *For(media)} accessors apply RFC 8839/RFC 8122 scoping: a media-level attribute
 * wins, otherwise the session-level one applies.
 */
public record SessionDescription(
    Origin origin,
    String sessionName,
    List<SdpLine> lines,
    List<Attribute> attributes,
    List<MediaDescription> media)
    implements Attributed {

  public SessionDescription {
    if (origin == null) {
      throw new SdpException("o= line is missing");
    }
    Tokens.requireText(sessionName, "s= line");
    lines = List.copyOf(lines);
    attributes = List.copyOf(attributes);
    media = List.copyOf(media);
  }

  /** Parses {@code sdp}; see {@link SdpParser#parse(String)}. */
  public static SessionDescription parse(String sdp) {
    return SdpParser.parse(sdp);
  }

  /** The text of this description with CRLF line ends. */
  public String write() {
    return SdpWriter.write(this);
  }

  /** The a=group:BUNDLE groups, in order (RFC 8843 §9.1). */
  public List<Group> bundleGroups() {
    return all(Group.class).stream().filter(Group::isBundle).toList();
  }

  /** The media section whose a=mid is {@code mid}, or null. */
  public MediaDescription media(String mid) {
    for (MediaDescription m : media) {
      if (mid.equals(m.mid())) {
        return m;
      }
    }
    return null;
  }

  /** The effective direction: media level, then session level, then sendrecv (RFC 8866 §6.7). */
  public Direction directionFor(MediaDescription m) {
    Direction d = m.direction();
    if (d == null) {
      d = first(Direction.class);
    }
    return d == null ? Direction.SENDRECV : d;
  }

  /** The ICE username fragment that applies to {@code m}, or null. */
  public String iceUfragFor(MediaDescription m) {
    Attribute.IceUfrag a = scoped(m, Attribute.IceUfrag.class);
    return a == null ? null : a.ufrag();
  }

  /** The ICE password that applies to {@code m}, or null. */
  public String icePwdFor(MediaDescription m) {
    Attribute.IcePwd a = scoped(m, Attribute.IcePwd.class);
    return a == null ? null : a.pwd();
  }

  /** The ICE options that apply to {@code m}, possibly empty. */
  public List<String> iceOptionsFor(MediaDescription m) {
    Attribute.IceOptions a = scoped(m, Attribute.IceOptions.class);
    return a == null ? List.of() : a.options();
  }

  /** The DTLS setup role that applies to {@code m}, or null when neither level has one. */
  public Setup setupFor(MediaDescription m) {
    return scoped(m, Setup.class);
  }

  /** The certificate fingerprints that apply to {@code m} (media level replaces session level). */
  public List<Fingerprint> fingerprintsFor(MediaDescription m) {
    List<Fingerprint> own = m.all(Fingerprint.class);
    return own.isEmpty() ? all(Fingerprint.class) : own;
  }

  private <T extends Attribute> T scoped(MediaDescription m, Class<T> type) {
    T own = m.first(type);
    return own != null ? own : first(type);
  }

  @Override
  public String toString() {
    return write();
  }
}
