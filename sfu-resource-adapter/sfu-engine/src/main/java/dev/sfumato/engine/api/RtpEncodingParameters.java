package dev.sfumato.engine.api;

/**
 * One encoding (stream) of a track: a simulcast layer or the only stream. A publisher's encoding is
 * known by SSRC (when signalled) or by RID (RFC 8851, learned from the first packets); RTX, when
 * used, has its own SSRC.
 *
 * @param ssrc the media SSRC, 0 when not signalled
 * @param rid the restriction identifier, empty when none
 * @param rtxSsrc the RTX SSRC, 0 when none or not signalled
 */
public record RtpEncodingParameters(long ssrc, String rid, long rtxSsrc) {
  public RtpEncodingParameters {
    Checks.ssrc(ssrc);
    Checks.ssrc(rtxSsrc);
    rid = rid == null ? "" : rid;
    if (!rid.matches("[A-Za-z0-9_-]{0,16}")) {
      throw Checks.invalid("bad rid: " + rid);
    }
    if (ssrc == 0 && rid.isEmpty()) {
      throw Checks.invalid("an encoding needs an SSRC or a RID");
    }
  }
}
