package dev.sfumato.rooms.sdp;

import java.util.List;

/**
 * {@code o=<username> <sess-id> <sess-version> <nettype> <addrtype> <unicast-address>} (RFC 8866
 * §5.2). The numbers are kept as text: implementations write up to 20 digits.
 */
public record Origin(
    String username,
    String sessionId,
    String sessionVersion,
    String netType,
    String addrType,
    String address) {
  public Origin {
    Tokens.requireWord(username, "o= username");
    Tokens.requireWord(sessionId, "o= session id");
    Tokens.requireWord(sessionVersion, "o= session version");
    Tokens.requireWord(netType, "o= network type");
    Tokens.requireWord(addrType, "o= address type");
    Tokens.requireWord(address, "o= address");
  }

  static Origin parse(String value) {
    List<String> f = Tokens.fields(value);
    if (f.size() != 6) {
      throw new SdpException(
          "o= must be '<username> <sess-id> <sess-version> <nettype> <addrtype> <address>'");
    }
    return new Origin(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), f.get(5));
  }

  @Override
  public String toString() {
    return String.join(" ", username, sessionId, sessionVersion, netType, addrType, address);
  }
}
