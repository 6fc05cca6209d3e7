package dev.sfumato.engine.codec;

/** The codecs whose payloads the engine looks into; everything else is forwarded opaquely. */
public enum CodecKind {
  VP8,
  VP9,
  H264,
  AV1,
  OPUS,
  OTHER;

  /** From an RTP MIME type such as "video/VP8" (RFC 6838 names are case-insensitive). */
  public static CodecKind fromMimeType(String mimeType) {
    int slash = mimeType.indexOf('/');
    String subtype = slash < 0 ? mimeType : mimeType.substring(slash + 1);
    for (CodecKind kind : values()) {
      if (kind != OTHER && kind.name().equalsIgnoreCase(subtype)) {
        return kind;
      }
    }
    return OTHER;
  }
}
