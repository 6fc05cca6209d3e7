package dev.sfumato.whip;

/** Limits of the WHIP/WHEP HTTP layer, with their reasons. */
final class HttpLimits {
  /**
   * Bytes of an SDP offer or trickle fragment. A browser offer with simulcast and every codec is
   * about 10 KB; 64 KiB leaves room for unusual clients without inviting abuse.
   */
  static final int MAX_SDP_BYTES = 64 * 1024;

  private HttpLimits() {}
}
