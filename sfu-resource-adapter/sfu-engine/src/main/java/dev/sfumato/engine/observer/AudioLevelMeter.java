package dev.sfumato.engine.observer;

import dev.sfumato.engine.rtp.AudioLevelExtension;
import dev.sfumato.engine.rtp.RtpPacket;

/**
 * One audio producer's RFC 6464 levels over the current observer window: how many packets carried a
 * level, how many of them were loud enough to count as speech, and the sum of their linear
 * amplitudes. Fed per packet on the worker thread, read and reset by {@link SpeakerObserver} once
 * per window. Nothing is allocated per packet; a packet without the extension is ignored.
 *
 * <p>The V (voice activity) bit is not used: libwebrtc sets it only when its VAD runs (with DTX),
 * so its absence says nothing; the level alone decides.
 */
public final class AudioLevelMeter {

  /**
   * A packet at or above this level counts as speech: -60 dBov. Speech from a browser with AGC sits
   * around -20..-45 dBov, background with noise suppression below -60; mediasoup's default is -80
   * (catches breathing), LiveKit's -35 (misses quiet talkers).
   */
  public static final int ACTIVE_LEVEL_DBOV = 60;

  /** 10^(-L/20) for L = 0..127 -dBov: the linear amplitude of each level, so no pow per packet. */
  private static final float[] LINEAR = new float[AudioLevelExtension.SILENCE + 1];

  static {
    for (int level = 0; level < LINEAR.length; level++) {
      LINEAR[level] = (float) Math.pow(10, -level / 20.0);
    }
    LINEAR[AudioLevelExtension.SILENCE] = 0f; // §3: 127 is digital silence, not -127 dBov
  }

  private final int extensionId;
  private int packets;
  private int activePackets;
  private double sumLinear;
  private long packetsWithoutLevel;

  /**
   * @param extensionId the id the producer negotiated for {@code ssrc-audio-level}, 1..255
   */
  public AudioLevelMeter(int extensionId) {
    if (extensionId < 1 || extensionId > 255) {
      throw new IllegalArgumentException("extension id out of 1..255: " + extensionId);
    }
    this.extensionId = extensionId;
  }

  /** Reads the level of one received packet (already parsed and authenticated). */
  public void observe(RtpPacket packet) {
    int raw = AudioLevelExtension.read(packet, extensionId);
    if (raw < 0) {
      packetsWithoutLevel++;
      return;
    }
    observeLevel(AudioLevelExtension.level(raw));
  }

  /** One level in -dBov, 0..127. */
  void observeLevel(int dbov) {
    packets++;
    if (dbov <= ACTIVE_LEVEL_DBOV) {
      activePackets++;
    }
    sumLinear += LINEAR[dbov];
  }

  int packets() {
    return packets;
  }

  int activePackets() {
    return activePackets;
  }

  /** Mean linear amplitude of the window's packets, 0..1; 0 without packets. */
  float meanLinear() {
    return packets == 0 ? 0f : (float) Math.min(1.0, sumLinear / packets);
  }

  /** Starts a new window. */
  void reset() {
    packets = 0;
    activePackets = 0;
    sumLinear = 0;
  }

  /** Packets that arrived without the negotiated extension (a sender may drop it). */
  public long packetsWithoutLevel() {
    return packetsWithoutLevel;
  }
}
