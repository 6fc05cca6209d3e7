package dev.sfumato.engine.api;

/**
 * One {@code a=rtcp-fb} entry (RFC 4585 §4.2): type ("nack", "ccm", "goog-remb", "transport-cc")
 * and parameter ("", "pli", "fir").
 */
public record RtcpFeedback(String type, String parameter) {
  public RtcpFeedback {
    Checks.notBlank("rtcp-fb type", type);
    parameter = parameter == null ? "" : parameter;
  }
}
