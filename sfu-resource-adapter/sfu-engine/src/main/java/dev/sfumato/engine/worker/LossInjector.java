package dev.sfumato.engine.worker;

import dev.sfumato.engine.stats.DropCounters;
import dev.sfumato.engine.stats.DropReason;

/**
 * Test-only packet loss of one worker ({@code injectLoss}): a xorshift64 generator (Marsaglia,
 * 2003) is plenty for picking victims and costs a few shifts; SecureRandom would cost a lock and a
 * syscall-backed state per packet. Off (threshold 0), the check is one compare. Confined to the
 * worker thread.
 */
final class LossInjector {

  private final DropCounters drops;
  private long state;
  private long threshold; // in 1/2^32: drop when the generator's top 32 bits fall below it

  LossInjector(DropCounters drops, long seed) {
    this.drops = drops;
    this.state = seed == 0 ? 0x9E3779B97F4A7C15L : seed;
  }

  /** 0..100 percent of the packets to lose. */
  void set(double percent) {
    threshold = (long) (percent / 100.0 * (1L << 32));
  }

  /** True (and counted) when this packet is to be lost. */
  boolean drop() {
    if (threshold == 0) {
      return false;
    }
    long x = state;
    x ^= x << 13;
    x ^= x >>> 7;
    x ^= x << 17;
    state = x;
    if ((x >>> 32) < threshold) {
      drops.count(DropReason.INJECTED_LOSS);
      return true;
    }
    return false;
  }
}
