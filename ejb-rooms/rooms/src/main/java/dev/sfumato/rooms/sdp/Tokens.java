package dev.sfumato.rooms.sdp;

import java.util.ArrayList;
import java.util.List;

/** Lexical rules shared by the SDP grammar (RFC 8866 §9) and the attributes built on it. */
final class Tokens {
  private Tokens() {}

  /** RFC 8866 §9 token-char: %x21 / %x23-27 / %x2A-2B / %x2D-2E / %x30-39 / %x41-5A / %x5E-7E. */
  static boolean isTokenChar(char c) {
    return c == 0x21
        || (c >= 0x23 && c <= 0x27)
        || c == 0x2A
        || c == 0x2B
        || c == 0x2D
        || c == 0x2E
        || (c >= 0x30 && c <= 0x39)
        || (c >= 0x41 && c <= 0x5A)
        || (c >= 0x5E && c <= 0x7E);
  }

  static boolean isToken(String s) {
    if (s == null || s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!isTokenChar(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  static String requireToken(String s, String what) {
    if (!isToken(s)) {
      throw new SdpException(what + " is not a valid token: " + excerpt(s));
    }
    return s;
  }

  /** A non-empty run of visible characters without spaces (addresses, URIs, free values). */
  static String requireWord(String s, String what) {
    Tokens.requireText(s, what);
    if (s.isEmpty() || s.indexOf(' ') >= 0 || s.indexOf('\t') >= 0) {
      throw new SdpException(what + " is empty or contains a space");
    }
    return s;
  }

  /** RFC 8839 §5.1 ice-char = ALPHA / DIGIT / "+" / "/", used by ufrag, pwd and foundation. */
  static String requireIceChars(String s, int max, String what) {
    if (s == null || s.isEmpty() || s.length() > max) {
      throw new SdpException(what + " must have 1.." + max + " characters");
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '+'
              || c == '/';
      if (!ok) {
        throw new SdpException(what + " has an invalid character: " + excerpt(s));
      }
    }
    return s;
  }

  /** Free text for a line: no CR, LF, NUL or other control characters, so the writer stays safe. */
  static String requireText(String s, String what) {
    if (s == null) {
      throw new SdpException(what + " is missing");
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7F) {
        throw new SdpException(what + " contains a control character");
      }
    }
    return s;
  }

  static int parseInt(String s, int min, int max, String what) {
    long v = parseLong(s, min, max, what);
    return (int) v;
  }

  /** Decimal digits only (no sign, no spaces), at most 19 of them, within [min, max]. */
  static long parseLong(String s, long min, long max, String what) {
    if (s == null || s.isEmpty() || s.length() > 19) {
      throw new SdpException(what + " is not a number: " + excerpt(s));
    }
    long v = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        throw new SdpException(what + " is not a number: " + excerpt(s));
      }
      v = v * 10 + (c - '0');
    }
    if (v < min || v > max) {
      throw new SdpException(what + " " + v + " is out of range " + min + ".." + max);
    }
    return v;
  }

  static boolean isDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** Splits on runs of spaces; SDP fields are separated by one SP, we tolerate more. */
  static List<String> fields(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      while (i < n && s.charAt(i) == ' ') {
        i++;
      }
      int start = i;
      while (i < n && s.charAt(i) != ' ') {
        i++;
      }
      if (i > start) {
        out.add(s.substring(start, i));
      }
    }
    return out;
  }

  /** The text after the first space-separated field, or "" when there is none. */
  static String afterFirstField(String s) {
    int sp = s.indexOf(' ');
    return sp < 0 ? "" : s.substring(sp + 1).strip();
  }

  /** At most 40 characters of peer input, for error messages. */
  static String excerpt(String s) {
    if (s == null) {
      return "(none)";
    }
    String t = s.length() > 40 ? s.substring(0, 40) + "…" : s;
    StringBuilder b = new StringBuilder(t.length() + 2).append('"');
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      b.append(c < 0x20 || c == 0x7F ? '?' : c);
    }
    return b.append('"').toString();
  }
}
