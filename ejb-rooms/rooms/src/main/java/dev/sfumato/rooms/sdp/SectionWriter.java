package dev.sfumato.rooms.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the answer's m= sections (RFC 8829 §5.3.1) and reports what each one negotiated. The
 * attribute order follows what browsers write, which keeps answers easy to compare by eye.
 */
final class SectionWriter {
  /** RFC 8841 §5: the SCTP port a data channel section without a=sctp-port uses. */
  static final int DEFAULT_SCTP_PORT = 5000;

  private final ServerCapabilities caps;
  private final LocalTransport local;
  private final Setup localSetup;
  private final AnswerPolicy policy;
  private final List<Candidate> candidates = new ArrayList<>();

  SectionWriter(
      ServerCapabilities caps, LocalTransport local, Setup localSetup, AnswerPolicy policy) {
    this.caps = caps;
    this.local = local;
    this.localSetup = localSetup;
    this.policy = policy;
    for (int i = 0; i < local.candidates().size(); i++) {
      candidates.add(local.candidates().get(i).toCandidate(i));
    }
  }

  /** RFC 3264 §6: a rejected section keeps media type, protocol, formats and mid, with port 0. */
  static MediaDescription rejected(MediaDescription offered) {
    List<Attribute> attrs = new ArrayList<>();
    attrs.add(new Attribute.Mid(offered.mid()));
    return new MediaDescription(
        offered.media(),
        0,
        0,
        offered.proto(),
        offered.formats(),
        List.of(new SdpLine('c', "IN IP4 0.0.0.0")),
        attrs);
  }

  /** Appends the answer to accepted section {@code m} and returns what it negotiated. */
  NegotiatedMedia section(
      int index,
      MediaDescription m,
      Direction offered,
      List<NegotiatedMedia.Codec> codecs,
      List<MediaDescription> out) {
    List<Attribute> attrs = new ArrayList<>();
    attrs.add(new Attribute.Mid(m.mid()));
    attrs.add(new Attribute.IceUfrag(local.iceUfrag()));
    attrs.add(new Attribute.IcePwd(local.icePwd()));
    attrs.add(local.fingerprint());
    attrs.add(localSetup);
    NegotiatedMedia result;
    List<String> formats;
    if (codecs == null) {
      formats = List.of("webrtc-datachannel");
      result = dataChannel(index, m, attrs);
    } else {
      formats = new ArrayList<>();
      result = rtp(index, m, offered, codecs, attrs, formats);
    }
    attrs.addAll(candidates);
    if (!candidates.isEmpty()) {
      attrs.add(Flag.END_OF_CANDIDATES);
    }
    HostCandidate first = local.candidates().isEmpty() ? null : local.candidates().get(0);
    int port = first == null ? AnswerBuilder.DISCARD_PORT : first.port();
    String connection =
        first == null
            ? "IN IP4 0.0.0.0"
            : (first.isIpv6() ? "IN IP6 " : "IN IP4 ") + first.address();
    out.add(
        new MediaDescription(
            m.media(), port, 0, m.proto(), formats, List.of(new SdpLine('c', connection)), attrs));
    return result;
  }

  /** RFC 8841: our SCTP port and message size; the negotiated size is the smaller non-zero one. */
  /**
   * The message size both sides can take: the smaller of {@code ours} and the peer's, where 0 means
   * "no limit" and an absent peer attribute means 64 KiB (RFC 8841 §6.1).
   */
  static long messageSize(long ours, Attribute.MaxMessageSize peer) {
    long theirs = peer == null ? 65536 : peer.bytes();
    return theirs == 0 ? ours : ours == 0 ? theirs : Math.min(theirs, ours);
  }

  private NegotiatedMedia dataChannel(int index, MediaDescription m, List<Attribute> attrs) {
    attrs.add(new Attribute.SctpPort(caps.sctpPort()));
    attrs.add(new Attribute.MaxMessageSize(caps.maxMessageSize()));
    Attribute.SctpPort theirPort = m.first(Attribute.SctpPort.class);
    long size = messageSize(caps.maxMessageSize(), m.first(Attribute.MaxMessageSize.class));
    return new NegotiatedMedia(
        index,
        m.mid(),
        m.media(),
        true,
        "",
        Direction.SENDRECV,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        null,
        theirPort == null ? DEFAULT_SCTP_PORT : theirPort.port(),
        size);
  }

  private NegotiatedMedia rtp(
      int index,
      MediaDescription m,
      Direction offered,
      List<NegotiatedMedia.Codec> codecs,
      List<Attribute> attrs,
      List<String> formats) {
    LocalSender sender = policy.senders().get(m.mid());
    boolean receive = policy.receive() && offered.sends();
    boolean send = sender != null && offered.receives();
    Direction direction = Direction.of(send, receive);
    attrs.add(direction);
    attrs.add(Flag.RTCP_MUX);
    if (m.has(Flag.RTCP_RSIZE)) {
      attrs.add(Flag.RTCP_RSIZE);
    }
    List<NegotiatedMedia.HeaderExtension> extensions = new ArrayList<>();
    for (ExtMap e : m.all(ExtMap.class)) {
      if (caps.headerExtensions().contains(e.uri()) && extensionIsNew(extensions, e)) {
        Direction d = e.direction() == null ? null : e.direction().reverse();
        attrs.add(new ExtMap(e.id(), d, e.uri(), e.attributes()));
        extensions.add(new NegotiatedMedia.HeaderExtension(e.id(), e.uri()));
      }
    }
    boolean rtxUsed = false;
    for (NegotiatedMedia.Codec c : codecs) {
      formats.add(Integer.toString(c.payloadType()));
      attrs.add(new RtpMap(c.payloadType(), c.name(), c.clockRate(), c.channels()));
      attrs.addAll(c.feedback());
      if (!c.fmtp().isEmpty()) {
        attrs.add(new Fmtp(c.payloadType(), c.fmtp()));
      }
      if (c.rtxPayloadType() >= 0) {
        rtxUsed = true;
        formats.add(Integer.toString(c.rtxPayloadType()));
        attrs.add(m.rtpMap(c.rtxPayloadType()));
        Fmtp rtxFmtp = m.fmtp(c.rtxPayloadType());
        if (rtxFmtp != null) {
          attrs.add(rtxFmtp);
        }
      }
    }
    if (send) {
      senderLines(sender, rtxUsed, attrs);
    }
    List<String> rids = receive ? simulcast(m, attrs) : List.of();
    List<Msid> msids = m.all(Msid.class);
    return new NegotiatedMedia(
        index,
        m.mid(),
        m.media(),
        true,
        "",
        direction,
        codecs,
        extensions,
        m.ssrcs(),
        m.all(SsrcGroup.class),
        rids,
        msids.isEmpty() ? null : msids.get(0),
        0,
        0);
  }

  private static boolean extensionIsNew(List<NegotiatedMedia.HeaderExtension> seen, ExtMap e) {
    return seen.stream().noneMatch(h -> h.uri().equals(e.uri()) || h.id() == e.id());
  }

  /** RFC 8830 msid plus RFC 5576 ssrc lines, with an FID group when RTX is negotiated. */
  private static void senderLines(LocalSender s, boolean rtxUsed, List<Attribute> attrs) {
    Msid msid = new Msid(s.streamId(), s.trackId());
    attrs.add(msid);
    List<Long> ssrcs = new ArrayList<>(List.of(s.ssrc()));
    if (rtxUsed && s.rtxSsrc() != 0) {
      ssrcs.add(s.rtxSsrc());
      attrs.add(new SsrcGroup("FID", ssrcs));
    }
    for (long ssrc : ssrcs) {
      attrs.add(new Ssrc(ssrc, "cname", s.cname()));
      attrs.add(new Ssrc(ssrc, "msid", msid.attributeValue()));
    }
  }

  /**
   * RFC 8853 §5.3 / RFC 8829 §5.3.1: an offer that sends simulcast gets a=rid:… recv for each of
   * its send rids and a=simulcast:recv with the same streams, alternatives and pause marks
   * (Chromium only encodes every layer when it sees them). Returns the rids.
   */
  private static List<String> simulcast(MediaDescription m, List<Attribute> attrs) {
    Simulcast offered = m.first(Simulcast.class);
    if (offered == null || offered.send().isEmpty()) {
      return List.of();
    }
    // RFC 8853 §5.2: a simulcast rid is only valid when an a=rid line declares it.
    List<String> declared = new ArrayList<>();
    m.all(Rid.class).stream()
        .filter(r -> r.direction() == Rid.Dir.SEND)
        .forEach(r -> declared.add(r.id()));
    List<List<Simulcast.Stream>> streams = new ArrayList<>();
    List<String> rids = new ArrayList<>();
    for (List<Simulcast.Stream> alternatives : offered.send()) {
      List<Simulcast.Stream> kept =
          alternatives.stream().filter(s -> declared.contains(s.rid())).toList();
      if (!kept.isEmpty()) {
        streams.add(kept);
        kept.forEach(s -> rids.add(s.rid()));
      }
    }
    if (streams.isEmpty()) {
      return List.of();
    }
    for (String rid : rids) {
      attrs.add(new Rid(rid, Rid.Dir.RECV, ""));
    }
    attrs.add(new Simulcast(List.of(), streams));
    return rids;
  }
}
