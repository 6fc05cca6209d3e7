package dev.sfumato.engine.api;

/**
 * A negotiated RTP header extension (RFC 8285): its URI and the id this side uses for it.
 *
 * @param id 1..14 fit the one-byte form, up to 255 the two-byte form
 */
public record RtpHeaderExtensionParameters(String uri, int id) {
  public RtpHeaderExtensionParameters {
    Checks.notBlank("uri", uri);
    if (id < 1 || id > 255) {
      throw Checks.invalid("header extension id out of range: " + id);
    }
  }
}
