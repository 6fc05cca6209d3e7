package dev.sfumato.engine.api;

/**
 * One side's SCTP parameters as SDP carries them (RFC 8841): {@code a=sctp-port} and {@code
 * a=max-message-size}.
 *
 * @param port the SCTP port inside the DTLS association (WebRTC peers use 5000)
 * @param maxMessageSize the largest message this side can receive; 0 means "no limit announced"
 *     (RFC 8841 §6.1), which the engine treats as 65536 (the value the RFC says to assume when the
 *     attribute is absent)
 */
public record SctpParameters(int port, int maxMessageSize) {

  /** What WebRTC stacks use when the SDP says nothing (RFC 8841 §5, §6.1). */
  public static final SctpParameters DEFAULT = new SctpParameters(5000, 65536);

  public SctpParameters {
    if (port < 1 || port > 65535) {
      throw new EngineException(
          EngineException.Code.INVALID_ARGUMENT, "sctp port " + port + " out of 1..65535");
    }
    if (maxMessageSize < 0) {
      throw new EngineException(
          EngineException.Code.INVALID_ARGUMENT, "max-message-size " + maxMessageSize + " < 0");
    }
  }
}
