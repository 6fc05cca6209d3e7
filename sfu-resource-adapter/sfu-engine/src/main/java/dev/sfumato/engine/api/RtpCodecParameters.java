package dev.sfumato.engine.api;

import java.util.List;
import java.util.Map;

/**
 * A negotiated codec as one side uses it. RTX (RFC 4588) is a codec of its own here, {@code
 * video/rtx} with an {@code apt} parameter naming the payload type it repairs, as in mediasoup.
 *
 * @param mimeType e.g. {@code video/VP8}, {@code audio/opus}, {@code video/rtx}
 * @param payloadType the payload type this side uses (RFC 5761: not 64..95)
 * @param clockRate Hz
 * @param channels 1 or 2 for audio, 0 for video
 * @param parameters fmtp parameters, in the order given
 * @param rtcpFeedback the feedback this side accepts for the codec
 */
public record RtpCodecParameters(
    String mimeType,
    int payloadType,
    int clockRate,
    int channels,
    Map<String, String> parameters,
    List<RtcpFeedback> rtcpFeedback) {

  public RtpCodecParameters {
    Checks.notBlank("mimeType", mimeType);
    if (!mimeType.matches("(audio|video)/[A-Za-z0-9.+_-]{1,64}")) {
      throw Checks.invalid("bad mime type: " + mimeType);
    }
    Checks.payloadType(payloadType);
    if (clockRate <= 0) {
      throw Checks.invalid("clock rate must be positive: " + clockRate);
    }
    if (channels < 0 || channels > 8) {
      throw Checks.invalid("channels out of range: " + channels);
    }
    parameters = Map.copyOf(parameters);
    rtcpFeedback = List.copyOf(rtcpFeedback);
  }

  public MediaKind kind() {
    return mimeType.startsWith("audio/") ? MediaKind.AUDIO : MediaKind.VIDEO;
  }

  /** True for the retransmission pseudo-codec. */
  public boolean isRtx() {
    return mimeType.equalsIgnoreCase("video/rtx") || mimeType.equalsIgnoreCase("audio/rtx");
  }
}
