package dev.sfumato.bench;

import java.util.Random;

/**
 * The publisher's media: 1200-byte VP8 packets at a fixed rate, SRTP-protected with the peer's keys
 * and sent to the engine. A keyframe first and then once a second, so consumers created since the
 * last one start quickly (they wait for a keyframe, and the bench publisher ignores PLIs).
 */
final class PublisherLoop implements Runnable {

  private final BenchPeer peer;
  private final long ssrc;
  private double perSecond;
  private long next; // packets sent over all phases: sequence numbers never repeat (SRTP replay)
  private long phaseStart;
  private final byte[] buf = new byte[1600];
  volatile boolean stop;
  volatile boolean warming;
  volatile long sent;

  PublisherLoop(BenchPeer peer, long ssrc) {
    this.peer = peer;
    this.ssrc = ssrc;
    new Random(7).nextBytes(buf);
  }

  /** Starts a phase at this rate; the phase's first packet is a keyframe. */
  void rate(double packetsPerSecond) {
    perSecond = packetsPerSecond;
    phaseStart = next;
    stop = false;
    warming = true;
  }

  @Override
  public void run() {
    Pacer.run(perSecond, Long.MAX_VALUE, this::send, () -> stop);
  }

  private boolean send(long ignored) {
    long i = next++;
    // 10 keyframes/s while warming up (new consumers start on one), then 1/s as encoders do
    long keyframeEvery = Math.max(1, (long) (warming ? perSecond / 10 : perSecond));
    int seq = (int) (i & 0xFFFF);
    BenchPackets.vp8(buf, seq, 3000L * (i / 4), ssrc, (i - phaseStart) % keyframeEvery == 0);
    int n = peer.srtp.outbound().protectRtp(buf, 0, BenchPackets.LENGTH);
    if (n > 0 && peer.send(buf, 0, n)) {
      sent++;
    }
    return true;
  }
}
