package dev.sfumato.engine.api;

/**
 * The local ICE credentials of a transport (RFC 8445 §5.3): what the answer carries as {@code
 * a=ice-ufrag} and {@code a=ice-pwd}. Sfumato is always an ICE-lite agent.
 *
 * @param usernameFragment 4..256 ice-chars (RFC 8839 §5.4)
 * @param password 22..256 ice-chars
 */
public record IceParameters(String usernameFragment, String password) {
  public IceParameters {
    Checks.iceChars("usernameFragment", usernameFragment, 4);
    Checks.iceChars("password", password, 22);
  }

  @Override
  public String toString() {
    return "IceParameters[usernameFragment=" + usernameFragment + ", password=<redacted>]";
  }
}
