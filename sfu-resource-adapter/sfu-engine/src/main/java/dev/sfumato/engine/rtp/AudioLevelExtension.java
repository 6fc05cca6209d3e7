package dev.sfumato.engine.rtp;

/**
 * RFC 6464 §3 client-to-mixer audio level: one byte, V (voice activity) then the level in -dBov (0
 * = loudest, 127 = silence).
 *
 * <pre>
 *  0 1 2 3 4 5 6 7
 * +-+-+-+-+-+-+-+-+
 * |V|    level    |
 * +-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class AudioLevelExtension {

  public static final int SILENCE = 127;

  private AudioLevelExtension() {}

  /** The raw byte (V and level) of extension {@code id}, or -1 if absent. */
  public static int read(RtpPacket packet, int id) {
    int at = packet.findExtension(id);
    // §3: the value is one byte; some senders pad the element, so only the first byte counts.
    if (at < 0 || packet.foundExtensionLength() < 1) {
      return -1;
    }
    return packet.buffer()[at] & 0xFF;
  }

  /** Level in -dBov (0-127) from a raw byte returned by {@link #read}. */
  public static int level(int raw) {
    return raw & 0x7F;
  }

  /** The V bit from a raw byte returned by {@link #read}. */
  public static boolean voice(int raw) {
    return (raw & 0x80) != 0;
  }

  /** Encodes a raw byte; the level is clamped to 0-127. */
  public static int encode(int level, boolean voice) {
    int clamped = Math.max(0, Math.min(SILENCE, level));
    return (voice ? 0x80 : 0) | clamped;
  }
}
