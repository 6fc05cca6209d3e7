package dev.sfumato.rooms.sdp;

import java.util.List;

/**
 * {@code a=rtpmap:<pt> <encoding>/<clock rate>[/<channels>]} (RFC 8866 §6.6). The encoding name is
 * kept as written ("opus", "OPUS"); compare it case-insensitively. {@code channels} is 0 when the
 * line has none (RFC 8866: one channel for audio).
 */
public record RtpMap(int payloadType, String encoding, int clockRate, int channels)
    implements Attribute {
  public RtpMap {
    checkPayloadType(payloadType, "a=rtpmap");
    Tokens.requireToken(encoding, "a=rtpmap encoding");
    if (encoding.indexOf('/') >= 0) {
      throw new SdpException("a=rtpmap encoding contains '/'");
    }
    if (clockRate <= 0) {
      throw new SdpException("a=rtpmap clock rate must be positive");
    }
    if (channels < 0 || channels > 255) {
      throw new SdpException("a=rtpmap channels out of range 0..255");
    }
  }

  static RtpMap parse(String value) {
    List<String> f = Tokens.fields(value);
    if (f.size() != 2) {
      throw new SdpException("a=rtpmap must be '<pt> <encoding>/<clock rate>[/<channels>]'");
    }
    int pt = Tokens.parseInt(f.get(0), 0, 127, "a=rtpmap payload type");
    String[] parts = f.get(1).split("/", -1);
    if (parts.length < 2 || parts.length > 3) {
      throw new SdpException("a=rtpmap must be '<pt> <encoding>/<clock rate>[/<channels>]'");
    }
    int clock = Tokens.parseInt(parts[1], 1, Integer.MAX_VALUE, "a=rtpmap clock rate");
    int channels = parts.length == 3 ? Tokens.parseInt(parts[2], 1, 255, "a=rtpmap channels") : 0;
    return new RtpMap(pt, parts[0], clock, channels);
  }

  static void checkPayloadType(int pt, String what) {
    if (pt < 0 || pt > 127) {
      throw new SdpException(what + " payload type " + pt + " is out of range 0..127");
    }
  }

  /** Channels with the RFC default applied: 1 when the line gives none. */
  public int channelsOrDefault() {
    return channels == 0 ? 1 : channels;
  }

  @Override
  public String attributeName() {
    return "rtpmap";
  }

  @Override
  public String attributeValue() {
    String v = payloadType + " " + encoding + "/" + clockRate;
    return channels == 0 ? v : v + "/" + channels;
  }
}
