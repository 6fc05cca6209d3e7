package dev.sfumato.rooms.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the m= sections of a server-made offer (RFC 8829 §5.2.1 initial and §5.2.2 subsequent
 * offers). Attribute order follows Chromium's own offers, which keeps them easy to compare by eye.
 *
 * <p>Header extensions have fixed ids, the ones Chromium uses for the same URIs, so an extension
 * keeps its id in every section of the BUNDLE (RFC 8843 §9.2 wants one id per URI on a transport)
 * and in every re-offer. transport-wide-cc is never offered, neither the extension nor its
 * feedback: once negotiated, Chromium's receiver switches from REMB to transport feedback, which is
 * useless while the consumer does not stamp its own transport-wide sequence numbers — with
 * abs-send-time and goog-remb the receiver estimates bandwidth itself and reports it in REMB.
 */
final class OfferMediaWriter {
  static final String PROTO_RTP = "UDP/TLS/RTP/SAVPF";
  static final String PROTO_SCTP = "UDP/DTLS/SCTP";
  static final String DATA_CHANNEL_FORMAT = "webrtc-datachannel";

  /** RFC 8285 one-byte ids, as Chromium numbers them. */
  static final int AUDIO_LEVEL_ID = 1;

  static final int ABS_SEND_TIME_ID = 2;
  static final int MID_ID = 4;
  static final int VIDEO_ORIENTATION_ID = 13;

  private final ServerCapabilities caps;
  private final LocalTransport local;
  private final List<Candidate> candidates = new ArrayList<>();

  OfferMediaWriter(ServerCapabilities caps, LocalTransport local) {
    this.caps = caps;
    this.local = local;
    for (int i = 0; i < local.candidates().size(); i++) {
      candidates.add(local.candidates().get(i).toCandidate(i));
    }
  }

  /** The extensions offered for {@code kind}: those of ours that make sense for it. */
  List<ExtMap> extensions(String kind) {
    List<ExtMap> out = new ArrayList<>();
    addIfServed(out, AUDIO_LEVEL_ID, ServerCapabilities.AUDIO_LEVEL, "audio".equals(kind));
    addIfServed(out, ABS_SEND_TIME_ID, ServerCapabilities.ABS_SEND_TIME, true);
    addIfServed(out, MID_ID, ServerCapabilities.MID, true);
    addIfServed(
        out, VIDEO_ORIENTATION_ID, ServerCapabilities.VIDEO_ORIENTATION, "video".equals(kind));
    return out;
  }

  private void addIfServed(List<ExtMap> out, int id, String uri, boolean forKind) {
    if (forKind && caps.headerExtensions().contains(uri)) {
      out.add(new ExtMap(id, null, uri, ""));
    }
  }

  /**
   * The feedback offered for a primary video format: ours, minus transport-cc (see the class
   * comment). Audio gets none, as in Chromium's offers once transport-cc is gone.
   */
  List<RtcpFb> feedback(String kind, int pt) {
    List<RtcpFb> out = new ArrayList<>();
    if (!"video".equals(kind)) {
      return out;
    }
    for (RtcpFb f : caps.feedback()) {
      if (!"transport-cc".equals(f.type())) {
        out.add(f.withPayloadType(pt));
      }
    }
    return out;
  }

  /** A live section: sendonly, msid and SSRCs, on the shared transport. */
  MediaDescription live(OfferSection s) {
    List<Attribute> attrs = transport(s.mid());
    attrs.addAll(extensions(s.kind()));
    attrs.add(Direction.SENDONLY);
    Msid msid = new Msid(s.sender().streamId(), s.sender().trackId());
    attrs.add(msid);
    attrs.add(Flag.RTCP_MUX);
    attrs.add(Flag.RTCP_RSIZE);
    List<String> formats = new ArrayList<>();
    boolean rtx = false;
    for (NegotiatedMedia.Codec c : s.codecs()) {
      formats.add(Integer.toString(c.payloadType()));
      attrs.add(new RtpMap(c.payloadType(), c.name(), c.clockRate(), c.channels()));
      attrs.addAll(feedback(s.kind(), c.payloadType()));
      if (!c.fmtp().isEmpty()) {
        attrs.add(new Fmtp(c.payloadType(), c.fmtp()));
      }
      if (sendsRtx(s, c)) {
        rtx = true;
        formats.add(Integer.toString(c.rtxPayloadType()));
        attrs.add(new RtpMap(c.rtxPayloadType(), "rtx", c.clockRate(), 0));
        attrs.add(new Fmtp(c.rtxPayloadType(), "apt=" + c.payloadType()));
      }
    }
    ssrcLines(s.sender(), msid, rtx, attrs);
    return onTransport(s.kind(), PROTO_RTP, formats, attrs);
  }

  /**
   * RFC 4588 retransmission is offered for a format only when the producer negotiated it, the
   * server does RTX at all, and the sender has an RTX SSRC to send it on.
   */
  boolean sendsRtx(OfferSection s, NegotiatedMedia.Codec c) {
    return c.rtxPayloadType() >= 0
        && caps.rtx()
        && "video".equals(s.kind())
        && s.sender() != null
        && s.sender().rtxSsrc() != 0;
  }

  /**
   * A stopped section (RFC 8829 §5.2.2): port 0, its mid, a=inactive, no msid, out of the BUNDLE
   * group. Its formats are its codecs' payload types, or "0" when it has none (an m= line needs
   * one, RFC 8866 §5.14).
   */
  static MediaDescription stopped(OfferSection s) {
    List<String> formats = new ArrayList<>();
    s.codecs().forEach(c -> formats.add(Integer.toString(c.payloadType())));
    if (formats.isEmpty()) {
      formats.add("0");
    }
    List<Attribute> attrs = new ArrayList<>();
    attrs.add(new Attribute.Mid(s.mid()));
    attrs.add(Direction.INACTIVE);
    return new MediaDescription(
        s.kind(), 0, 0, PROTO_RTP, formats, List.of(new SdpLine('c', "IN IP4 0.0.0.0")), attrs);
  }

  /** RFC 8841 data channel section: our SCTP port and max-message-size. */
  MediaDescription dataChannel(String mid) {
    List<Attribute> attrs = transport(mid);
    attrs.add(new Attribute.SctpPort(caps.sctpPort()));
    attrs.add(new Attribute.MaxMessageSize(caps.maxMessageSize()));
    return onTransport("application", PROTO_SCTP, List.of(DATA_CHANNEL_FORMAT), attrs);
  }

  /**
   * mid, ICE credentials, fingerprint and actpass (RFC 8842 §5.2: the offerer lets the peer pick).
   */
  private List<Attribute> transport(String mid) {
    List<Attribute> attrs = new ArrayList<>();
    attrs.add(new Attribute.Mid(mid));
    attrs.add(new Attribute.IceUfrag(local.iceUfrag()));
    attrs.add(new Attribute.IcePwd(local.icePwd()));
    attrs.add(local.fingerprint());
    attrs.add(Setup.ACTPASS);
    return attrs;
  }

  /** Adds candidates and builds the m= line with our first candidate's address and port. */
  private MediaDescription onTransport(
      String kind, String proto, List<String> formats, List<Attribute> attrs) {
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
    return new MediaDescription(
        kind, port, 0, proto, formats, List.of(new SdpLine('c', connection)), attrs);
  }

  /** RFC 5576 a=ssrc lines (cname, msid) with an RFC 4588 §8.2 FID group when RTX is sent. */
  private static void ssrcLines(LocalSender s, Msid msid, boolean rtx, List<Attribute> attrs) {
    List<Long> ssrcs = new ArrayList<>(List.of(s.ssrc()));
    if (rtx) {
      ssrcs.add(s.rtxSsrc());
      attrs.add(new SsrcGroup("FID", ssrcs));
    }
    for (long ssrc : ssrcs) {
      attrs.add(new Ssrc(ssrc, "cname", s.cname()));
      attrs.add(new Ssrc(ssrc, "msid", msid.attributeValue()));
    }
  }
}
