package dev.sfumato.engine.api;

/**
 * A local host candidate of a transport (RFC 8839 §5.1), as the answer lists it.
 *
 * @param foundation an ice-char token
 * @param priority RFC 8445 §5.1.2 priority
 * @param ip the announced address (not necessarily the bound one, e.g. behind 1:1 NAT)
 * @param port the worker's UDP port
 */
public record IceCandidate(String foundation, long priority, String ip, int port) {
  public IceCandidate {
    Checks.iceChars("foundation", foundation, 1);
    if (priority < 1 || priority > 0xFFFF_FFFFL) {
      throw Checks.invalid("candidate priority out of range: " + priority);
    }
    Checks.notBlank("ip", ip);
    Checks.port(port);
  }

  /** The {@code a=candidate} value: component 1 (rtcp-mux), UDP, host. */
  public String toSdpValue() {
    return foundation + " 1 udp " + priority + " " + ip + " " + port + " typ host";
  }
}
