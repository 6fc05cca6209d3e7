package dev.sfumato.engine.api;

/** Argument checks of the control API; every failure is an INVALID_ARGUMENT EngineException. */
final class Checks {
  private Checks() {}

  static EngineException invalid(String message) {
    return new EngineException(EngineException.Code.INVALID_ARGUMENT, message);
  }

  static void notBlank(String name, String value) {
    if (value == null || value.isBlank()) {
      throw invalid(name + " is blank");
    }
  }

  /** RFC 8839 §5.4 ice-char: ALPHA / DIGIT / "+" / "/". */
  static void iceChars(String name, String value, int minLength) {
    notBlank(name, value);
    if (value.length() < minLength || value.length() > 256) {
      throw invalid(name + " must have " + minLength + "..256 characters");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '+'
              || c == '/';
      if (!ok) {
        throw invalid(name + " contains a character outside ice-char");
      }
    }
  }

  static void port(int port) {
    if (port < 1 || port > 65_535) {
      throw invalid("port out of range: " + port);
    }
  }

  static void payloadType(int pt) {
    // RFC 5761 §4: 64..95 collide with RTCP packet types when muxed; 0..127 is the field's range.
    if (pt < 0 || pt > 127 || (pt >= 64 && pt <= 95)) {
      throw invalid("payload type not usable with rtcp-mux: " + pt);
    }
  }

  static void ssrc(long ssrc) {
    if (ssrc < 0 || ssrc > 0xFFFF_FFFFL) {
      throw invalid("ssrc out of range: " + ssrc);
    }
  }
}
