package dev.sfumato.rooms.sdp;

/**
 * Writes a {@link SessionDescription} as text with CRLF line ends (RFC 8866 §5): v=, o=, s=, the
 * other session lines in model order, the session attributes, then each media section (m=, its
 * lines, its attributes). It writes exactly what the model holds, so {@code SdpParser.parse(write
 * (x))} equals {@code x}.
 */
public final class SdpWriter {
  private static final String CRLF = "\r\n";

  private SdpWriter() {}

  public static String write(SessionDescription sd) {
    StringBuilder b = new StringBuilder(2048);
    b.append("v=0").append(CRLF);
    b.append("o=").append(sd.origin()).append(CRLF);
    b.append("s=").append(sd.sessionName()).append(CRLF);
    sd.lines().forEach(l -> b.append(l).append(CRLF));
    sd.attributes().forEach(a -> attribute(b, a));
    sd.media().forEach(m -> media(b, m));
    return b.toString();
  }

  static String writeMedia(MediaDescription m) {
    StringBuilder b = new StringBuilder(1024);
    media(b, m);
    return b.toString();
  }

  private static void media(StringBuilder b, MediaDescription m) {
    b.append("m=").append(m.media()).append(' ').append(m.port());
    if (m.portCount() > 0) {
      b.append('/').append(m.portCount());
    }
    b.append(' ').append(m.proto());
    m.formats().forEach(f -> b.append(' ').append(f));
    b.append(CRLF);
    m.lines().forEach(l -> b.append(l).append(CRLF));
    m.attributes().forEach(a -> attribute(b, a));
  }

  private static void attribute(StringBuilder b, Attribute a) {
    b.append("a=").append(a.attributeName());
    String v = a.attributeValue();
    if (v != null) {
      b.append(':').append(v);
    }
    b.append(CRLF);
  }
}
