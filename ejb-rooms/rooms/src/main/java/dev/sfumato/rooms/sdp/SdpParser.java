package dev.sfumato.rooms.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a session description (RFC 8866 §5, §9) from peer input. It accepts CRLF or bare LF line
 * ends and skips blank lines; anything else that breaks the grammar, a known attribute's grammar or
 * a limit is an {@link SdpException} with the 1-based line number. It never throws anything else.
 */
public final class SdpParser {
  /**
   * Whole description, in characters. Chromium's offer with audio, video and data is ~7 KB; 64 KiB
   * leaves room for many transceivers and still bounds the work one request can cause.
   */
  public static final int MAX_SDP_CHARS = 64 * 1024;

  /** One line, in characters; the longest real lines (candidates, fmtp) are ~200. */
  public static final int MAX_LINE_CHARS = 4096;

  /** m= sections; LiveKit subscribers reach a few dozen in large rooms. */
  public static final int MAX_MEDIA = 64;

  /** Attributes in one section (Chromium video sections have ~130). */
  public static final int MAX_ATTRIBUTES_PER_SECTION = 1024;

  private SdpParser() {}

  /**
   * @throws SdpException when {@code sdp} is not a valid description or exceeds a limit
   */
  public static SessionDescription parse(String sdp) {
    if (sdp == null || sdp.isEmpty()) {
      throw new SdpException("empty session description");
    }
    if (sdp.length() > MAX_SDP_CHARS) {
      throw new SdpException("session description is larger than " + MAX_SDP_CHARS + " characters");
    }
    try {
      return new Reader().read(sdp);
    } catch (SdpException e) {
      throw e;
    } catch (RuntimeException e) {
      // Every check above should have caught it; peer input must still not become a 500.
      throw new SdpException("malformed session description");
    }
  }

  /** Parse state for one description. */
  private static final class Reader {
    private int lineNumber;
    private Origin origin;
    private String sessionName;
    private final List<SdpLine> sessionLines = new ArrayList<>();
    private final List<Attribute> sessionAttributes = new ArrayList<>();
    private final List<MediaDescription> media = new ArrayList<>();
    private MediaBuilder current;

    SessionDescription read(String sdp) {
      int pos = 0;
      int seen = 0;
      while (pos < sdp.length()) {
        int nl = sdp.indexOf('\n', pos);
        int end = nl < 0 ? sdp.length() : nl;
        lineNumber++;
        int contentEnd = end > pos && sdp.charAt(end - 1) == '\r' ? end - 1 : end;
        String line = sdp.substring(pos, contentEnd);
        pos = nl < 0 ? sdp.length() : nl + 1;
        if (line.isEmpty()) {
          continue;
        }
        try {
          line(line, seen++);
        } catch (SdpException e) {
          throw e.atLine(lineNumber);
        }
      }
      if (seen < 3) {
        throw new SdpException(lineNumber, "session description ends before v=, o= and s=");
      }
      finishMedia();
      return new SessionDescription(origin, sessionName, sessionLines, sessionAttributes, media);
    }

    private void line(String line, int index) {
      if (line.length() > MAX_LINE_CHARS) {
        throw new SdpException("line is longer than " + MAX_LINE_CHARS + " characters");
      }
      if (line.length() < 2 || line.charAt(1) != '=') {
        throw new SdpException("expected '<type>=<value>', got " + Tokens.excerpt(line));
      }
      char type = line.charAt(0);
      String value = line.substring(2);
      Tokens.requireText(value, type + "= line");
      switch (index) {
        case 0 -> expect(type, 'v', value);
        case 1 -> {
          expect(type, 'o', value);
          origin = Origin.parse(value);
        }
        case 2 -> {
          expect(type, 's', value);
          sessionName = value;
        }
        default -> body(type, value);
      }
    }

    private static void expect(char type, char wanted, String value) {
      if (type != wanted) {
        throw new SdpException("expected '" + wanted + "=' line, got '" + type + "='");
      }
      if (wanted == 'v' && !"0".equals(value)) {
        throw new SdpException("unsupported protocol version v=" + Tokens.excerpt(value));
      }
    }

    private void body(char type, String value) {
      if (type == 'm') {
        finishMedia();
        if (media.size() == MAX_MEDIA) {
          throw new SdpException("more than " + MAX_MEDIA + " m= sections");
        }
        current = MediaBuilder.parse(value);
      } else if (type == 'a') {
        List<Attribute> target = current == null ? sessionAttributes : current.attributes;
        if (target.size() == MAX_ATTRIBUTES_PER_SECTION) {
          throw new SdpException("more than " + MAX_ATTRIBUTES_PER_SECTION + " attributes");
        }
        target.add(Attributes.parse(value));
      } else if (current != null) {
        if (SdpLine.MEDIA_TYPES.indexOf(type) < 0) {
          throw new SdpException("'" + type + "=' line is not allowed in a media section");
        }
        current.lines.add(new SdpLine(type, value));
      } else {
        if (SdpLine.SESSION_TYPES.indexOf(type) < 0) {
          throw new SdpException("unknown or misplaced line type '" + type + "='");
        }
        if (sessionLines.size() == MAX_ATTRIBUTES_PER_SECTION) {
          throw new SdpException("too many session-level lines");
        }
        sessionLines.add(new SdpLine(type, value));
      }
    }

    private void finishMedia() {
      if (current != null) {
        media.add(current.build());
        current = null;
      }
    }
  }

  /** A media section being read. */
  private static final class MediaBuilder {
    private final String mediaType;
    private final int port;
    private final int portCount;
    private final String proto;
    private final List<String> formats;
    private final List<SdpLine> lines = new ArrayList<>();
    private final List<Attribute> attributes = new ArrayList<>();

    private MediaBuilder(
        String mediaType, int port, int portCount, String proto, List<String> formats) {
      this.mediaType = mediaType;
      this.port = port;
      this.portCount = portCount;
      this.proto = proto;
      this.formats = formats;
    }

    /** {@code <media> <port>[/<number of ports>] <proto> 1*(SP <fmt>)} (RFC 8866 §5.14). */
    static MediaBuilder parse(String value) {
      List<String> f = Tokens.fields(value);
      if (f.size() < 4) {
        throw new SdpException("m= must be '<media> <port> <proto> <fmt> ...'");
      }
      String portField = f.get(1);
      int slash = portField.indexOf('/');
      int port =
          Tokens.parseInt(slash < 0 ? portField : portField.substring(0, slash), 0, 65535, "port");
      int count =
          slash < 0 ? 0 : Tokens.parseInt(portField.substring(slash + 1), 1, 65535, "count");
      Tokens.requireToken(f.get(0), "m= media type");
      return new MediaBuilder(f.get(0), port, count, f.get(2), f.subList(3, f.size()));
    }

    MediaDescription build() {
      return new MediaDescription(mediaType, port, portCount, proto, formats, lines, attributes);
    }
  }
}
