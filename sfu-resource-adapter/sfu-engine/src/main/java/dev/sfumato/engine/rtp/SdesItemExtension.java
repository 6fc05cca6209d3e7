package dev.sfumato.engine.rtp;

/**
 * RFC 7941 SDES items carried as header extensions: mid (RFC 8843 §15.2), rtp-stream-id and
 * repaired-rtp-stream-id (RFC 8852 §4.3/§4.4). The value is US-ASCII text; it is compared as bytes
 * so the per-packet simulcast lookup allocates no String.
 *
 * <p>The text ends at the first 0x00: senders may pad an element with NULs to keep the block
 * aligned (libwebrtc reads these values with strnlen for the same reason).
 */
public final class SdesItemExtension {

  private SdesItemExtension() {}

  /** Length of the text in the value, trailing NUL padding excluded. */
  public static int textLength(byte[] buf, int valueOff, int valueLen) {
    for (int i = 0; i < valueLen; i++) {
      if (buf[valueOff + i] == 0) {
        return i;
      }
    }
    return valueLen;
  }

  /** True if the value equals {@code expected} (ASCII bytes), ignoring trailing NULs. */
  public static boolean matches(byte[] buf, int valueOff, int valueLen, byte[] expected) {
    int n = textLength(buf, valueOff, valueLen);
    if (n != expected.length) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (buf[valueOff + i] != expected[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Finds extension {@code id} in the packet and returns the index of the candidate it equals (e.g.
   * the simulcast rids {"q","h","f"} in layer order), or -1 if absent, empty or unknown.
   */
  public static int indexOf(RtpPacket packet, int id, byte[][] candidates) {
    int at = packet.findExtension(id);
    if (at < 0) {
      return -1;
    }
    int len = packet.foundExtensionLength();
    for (int i = 0; i < candidates.length; i++) {
      if (matches(packet.buffer(), at, len, candidates[i])) {
        return i;
      }
    }
    return -1;
  }
}
