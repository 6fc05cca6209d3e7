package dev.sfumato.rooms.sdp;

/**
 * A session description that cannot be parsed, written or answered. The message is meant for the
 * peer (the WHIP/WHEP resources turn it into the body of a 400 response), so it names the line and
 * the rule that failed and never echoes more than a short excerpt of the input.
 */
public final class SdpException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int line;
  private final String detail;

  /** A problem not tied to one line (limits, answer negotiation, an invalid model). */
  public SdpException(String detail) {
    this(0, detail);
  }

  /**
   * @param line 1-based line number in the parsed text, or 0 when the problem is not on one line
   */
  public SdpException(int line, String detail) {
    super(line > 0 ? "line " + line + ": " + detail : detail);
    this.line = line;
    this.detail = detail;
  }

  /** 1-based line number of the offending line, or 0 when not tied to a line. */
  public int line() {
    return line;
  }

  /** The message without the line prefix. */
  public String detail() {
    return detail;
  }

  /** This problem located at {@code lineNumber}, unless it already carries a line. */
  SdpException atLine(int lineNumber) {
    return line > 0 ? this : new SdpException(lineNumber, detail);
  }
}
