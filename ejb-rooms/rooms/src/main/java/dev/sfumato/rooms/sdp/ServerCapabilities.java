package dev.sfumato.rooms.sdp;

import java.util.List;

/**
 * What the server accepts when it answers: codecs in preference order (the first matching codec is
 * listed first in the answer, so it is what the offerer sends), RTX, header extensions by URI, RTCP
 * feedback, and data channels.
 *
 * @param codecs preference order; audio and video mixed is fine
 * @param rtx accept RFC 4588 retransmission formats whose apt is an accepted video codec
 * @param headerExtensions RFC 8285 URIs we understand
 * @param feedback RTCP feedback we act on (the payload type field is ignored)
 * @param dataChannels accept an m=application (SCTP over DTLS, RFC 8841) section
 * @param sctpPort our a=sctp-port
 * @param maxMessageSize our a=max-message-size, in bytes
 */
public record ServerCapabilities(
    List<CodecCapability> codecs,
    boolean rtx,
    List<String> headerExtensions,
    List<RtcpFb> feedback,
    boolean dataChannels,
    int sctpPort,
    long maxMessageSize) {

  public static final String MID = "urn:ietf:params:rtp-hdrext:sdes:mid";
  public static final String RTP_STREAM_ID = "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id";
  public static final String REPAIRED_RTP_STREAM_ID =
      "urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id";
  public static final String AUDIO_LEVEL = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";
  public static final String ABS_SEND_TIME =
      "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time";
  public static final String TRANSPORT_CC =
      "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01";
  public static final String VIDEO_ORIENTATION = "urn:3gpp:video-orientation";

  public ServerCapabilities {
    codecs = List.copyOf(codecs);
    headerExtensions = List.copyOf(headerExtensions);
    feedback = List.copyOf(feedback);
    if (sctpPort < 0 || sctpPort > 65535 || maxMessageSize < 0) {
      throw new IllegalArgumentException("bad SCTP port or message size");
    }
  }

  /**
   * Opus, RED, VP8, VP9, H.264, AV1 (that order), RTX, the extensions an SFU needs (mid, rid,
   * repaired rid, audio level, abs-send-time, transport-cc, video orientation), the feedback it
   * acts on, and no data channels. 262144 bytes is Chromium's own max-message-size.
   */
  public static ServerCapabilities defaults() {
    return new ServerCapabilities(
        List.of(
            CodecCapability.opus(),
            CodecCapability.red(),
            CodecCapability.vp8(),
            CodecCapability.vp9(),
            CodecCapability.h264(),
            CodecCapability.av1()),
        true,
        List.of(
            MID,
            RTP_STREAM_ID,
            REPAIRED_RTP_STREAM_ID,
            AUDIO_LEVEL,
            ABS_SEND_TIME,
            TRANSPORT_CC,
            VIDEO_ORIENTATION),
        List.of(
            new RtcpFb(RtcpFb.WILDCARD, "nack", ""),
            new RtcpFb(RtcpFb.WILDCARD, "nack", "pli"),
            new RtcpFb(RtcpFb.WILDCARD, "ccm", "fir"),
            new RtcpFb(RtcpFb.WILDCARD, "goog-remb", ""),
            new RtcpFb(RtcpFb.WILDCARD, "transport-cc", "")),
        false,
        5000,
        262144);
  }

  public ServerCapabilities withDataChannels(boolean accept) {
    return new ServerCapabilities(
        codecs, rtx, headerExtensions, feedback, accept, sctpPort, maxMessageSize);
  }

  /** Our a=sctp-port and a=max-message-size, e.g. as the engine's SCTP stack reports them. */
  public ServerCapabilities withSctp(int port, long maxMessageSize) {
    return new ServerCapabilities(
        codecs, rtx, headerExtensions, feedback, dataChannels, port, maxMessageSize);
  }

  public ServerCapabilities withCodecs(List<CodecCapability> preferred) {
    return new ServerCapabilities(
        preferred, rtx, headerExtensions, feedback, dataChannels, sctpPort, maxMessageSize);
  }

  public ServerCapabilities withHeaderExtensions(List<String> uris) {
    return new ServerCapabilities(
        codecs, rtx, uris, feedback, dataChannels, sctpPort, maxMessageSize);
  }

  boolean supportsFeedback(RtcpFb offered) {
    for (RtcpFb f : feedback) {
      if (f.sameFeedback(offered)) {
        return true;
      }
    }
    return false;
  }
}
