package dev.sfumato.rooms.sdp;

/**
 * A track the server sends on an m= section (WHEP, LiveKit subscriber): its RFC 8830 msid and its
 * SSRCs (RFC 5576), with the RTX SSRC paired by an FID group (RFC 4588 §8.2).
 *
 * @param rtxSsrc 0 when the server sends no retransmissions on a separate SSRC
 */
public record LocalSender(String streamId, String trackId, String cname, long ssrc, long rtxSsrc) {
  public LocalSender {
    new Msid(streamId, trackId);
    Tokens.requireWord(cname, "cname");
    Ssrc.checkSsrc(ssrc);
    Ssrc.checkSsrc(rtxSsrc);
    if (ssrc == 0 || ssrc == rtxSsrc) {
      throw new IllegalArgumentException("sender SSRC must be non-zero and differ from RTX SSRC");
    }
  }
}
