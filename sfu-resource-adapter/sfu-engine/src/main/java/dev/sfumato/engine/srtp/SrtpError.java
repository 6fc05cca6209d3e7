package dev.sfumato.engine.srtp;

/**
 * Why {@link SrtpContext} refused a packet. The protect/unprotect methods return {@link #code()}
 * (always negative) instead of a length, so the hot path neither throws nor allocates; {@link
 * #fromCode(int)} maps it back for counting and logs.
 */
public enum SrtpError {
  /** Shorter than a header plus the tag and trailer the profile needs. */
  TOO_SHORT,
  /** RTP CSRC count or header extension length runs past the packet (RFC 3550 §5.1, §5.3.1). */
  MALFORMED,
  /** The authentication tag does not verify (RFC 3711 §3.3 step 5, RFC 7714 §8.2). */
  AUTH_FAILED,
  /** The index was already received (replay list, RFC 3711 §3.3.2). */
  REPLAYED,
  /** The index is older than the replay window or lies before rollover counter 0. */
  TOO_OLD,
  /** A new SSRC arrived while the context already tracks {@link SsrcTable#MAX_SSRCS}. */
  SSRC_LIMIT,
  /** The buffer has no room after the packet for the tag and trailer. */
  NO_TAILROOM,
  /** The JCE refused the operation (e.g. GCM encryption asked to reuse the previous IV). */
  CIPHER_ERROR;

  private static final SrtpError[] BY_ORDINAL = values();

  /** The negative value the protect/unprotect methods return for this reason. */
  public int code() {
    return -1 - ordinal();
  }

  /** The reason for a negative return value; {@code null} for a length (zero or positive). */
  public static SrtpError fromCode(int code) {
    int ordinal = -1 - code;
    return ordinal >= 0 && ordinal < BY_ORDINAL.length ? BY_ORDINAL[ordinal] : null;
  }
}
