package dev.sfumato.rooms.sdp;

import java.util.List;

/**
 * What one m= section settled on, as plain data for the engine (it becomes its RtpParameters).
 *
 * @param index position of the section in the offer and the answer
 * @param kind "audio", "video", "application" or whatever the m= line said
 * @param accepted false when the answer rejects the section (port 0)
 * @param rejectReason why it was rejected, "" when accepted
 * @param direction the answer's direction (our point of view); INACTIVE when rejected
 * @param codecs negotiated formats, preferred first (RED included, RTX folded into its codec)
 * @param headerExtensions extensions both sides use, with the offer's ids
 * @param ssrcs SSRCs the offer announced
 * @param ssrcGroups the offer's a=ssrc-group lines (FID, SIM)
 * @param rids rids the offer sends as simulcast, in order; empty without simulcast
 * @param msid the offer's first a=msid, or null
 * @param sctpPort the offerer's SCTP port (data channel sections), else 0
 * @param maxMessageSize the smaller of both max-message-size values (data channels), else 0
 */
public record NegotiatedMedia(
    int index,
    String mid,
    String kind,
    boolean accepted,
    String rejectReason,
    Direction direction,
    List<Codec> codecs,
    List<HeaderExtension> headerExtensions,
    List<Long> ssrcs,
    List<SsrcGroup> ssrcGroups,
    List<String> rids,
    Msid msid,
    int sctpPort,
    long maxMessageSize) {

  /**
   * One negotiated payload format.
   *
   * @param fmtp the answer's fmtp parameters, "" when none
   * @param feedback RTCP feedback both sides use for this format
   * @param rtxPayloadType the RFC 4588 retransmission format for it, -1 when none
   */
  public record Codec(
      int payloadType,
      String name,
      int clockRate,
      int channels,
      String fmtp,
      List<RtcpFb> feedback,
      int rtxPayloadType) {
    public Codec {
      feedback = List.copyOf(feedback);
    }

    /** "audio/opus", "video/H264": the engine's MIME-style name. */
    public String mimeType(String kind) {
      return kind + "/" + name;
    }
  }

  /** An RTP header extension (RFC 8285) and its id on this transport. */
  public record HeaderExtension(int id, String uri) {}

  public NegotiatedMedia {
    codecs = List.copyOf(codecs);
    headerExtensions = List.copyOf(headerExtensions);
    ssrcs = List.copyOf(ssrcs);
    ssrcGroups = List.copyOf(ssrcGroups);
    rids = List.copyOf(rids);
  }

  static NegotiatedMedia rejected(int index, String mid, String kind, String reason) {
    return new NegotiatedMedia(
        index,
        mid,
        kind,
        false,
        reason,
        Direction.INACTIVE,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        null,
        0,
        0);
  }

  /** The id of header extension {@code uri}, or -1 when it was not negotiated. */
  public int extensionId(String uri) {
    for (HeaderExtension h : headerExtensions) {
      if (h.uri().equals(uri)) {
        return h.id();
      }
    }
    return -1;
  }

  /** The RTX payload types of the negotiated codecs, in codec order. */
  public List<Integer> rtxPayloadTypes() {
    return codecs.stream().filter(c -> c.rtxPayloadType() >= 0).map(Codec::rtxPayloadType).toList();
  }
}
