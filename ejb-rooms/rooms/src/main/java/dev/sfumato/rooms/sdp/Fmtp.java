package dev.sfumato.rooms.sdp;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code a=fmtp:<pt> <parameters>} (RFC 8866 §6.15). The parameter text is kept verbatim so an
 * answer can echo it byte for byte; {@link #parameters()} reads the usual {@code k=v;k=v} form.
 */
public record Fmtp(int payloadType, String params) implements Attribute {
  public Fmtp {
    RtpMap.checkPayloadType(payloadType, "a=fmtp");
    Tokens.requireText(params, "a=fmtp parameters");
    if (params.isEmpty() || params.strip().length() != params.length()) {
      throw new SdpException("a=fmtp parameters are empty or padded with spaces");
    }
  }

  static Fmtp parse(String value) {
    int sp = value.indexOf(' ');
    if (sp < 0) {
      throw new SdpException("a=fmtp must be '<pt> <parameters>'");
    }
    int pt = Tokens.parseInt(value.substring(0, sp), 0, 127, "a=fmtp payload type");
    return new Fmtp(pt, value.substring(sp + 1).strip());
  }

  /**
   * The {@code key=value} pairs separated by ';' (RFC 6184, RFC 7587, RFC 7741 style), keys in
   * lower case; a bare item such as RED's "111/111" maps to "".
   */
  public Map<String, String> parameters() {
    return parseParameters(params);
  }

  /** Reads a {@code k=v;k=v} parameter list, keys in lower case, in their order. */
  public static Map<String, String> parseParameters(String params) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String item : params.split(";")) {
      String t = item.strip();
      if (t.isEmpty()) {
        continue;
      }
      int eq = t.indexOf('=');
      String key = (eq < 0 ? t : t.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
      out.putIfAbsent(key, eq < 0 ? "" : t.substring(eq + 1).strip());
    }
    return out;
  }

  /** Writes pairs back as {@code k=v;k=v} (a pair with an empty value as the bare key). */
  public static String formatParameters(Map<String, String> params) {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, String> e : params.entrySet()) {
      if (b.length() > 0) {
        b.append(';');
      }
      b.append(e.getKey());
      if (!e.getValue().isEmpty()) {
        b.append('=').append(e.getValue());
      }
    }
    return b.toString();
  }

  @Override
  public String attributeName() {
    return "fmtp";
  }

  @Override
  public String attributeValue() {
    return payloadType + " " + params;
  }
}
