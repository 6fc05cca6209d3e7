package dev.sfumato.rooms.sdp;

/**
 * A non-attribute line this model keeps as text (RFC 8866 §5): {@code t=}, {@code c=}, {@code b=},
 * {@code i=}, {@code u=}, {@code e=}, {@code p=}, {@code r=}, {@code z=}, {@code k=}.
 */
public record SdpLine(char type, String value) {
  /** The line types allowed at session level besides v=, o=, s=, a= and m=. */
  static final String SESSION_TYPES = "iuepcbtrzk";

  /** The line types allowed inside a media section besides a=. */
  static final String MEDIA_TYPES = "icbk";

  public SdpLine {
    if (SESSION_TYPES.indexOf(type) < 0) {
      throw new SdpException("'" + type + "=' is not a line this model keeps");
    }
    Tokens.requireText(value, type + "= line");
  }

  @Override
  public String toString() {
    return type + "=" + value;
  }
}
