package dev.sfumato.signal.rtc;

/**
 * A token bucket for one connection's signal requests: {@value #BURST} at once, then {@value
 * #PER_SECOND} a second. A real client sends a few requests a second (pings every 5 s, a handful of
 * requests per track change), so only a flood runs dry.
 */
final class RequestBudget {
  static final int BURST = 200;
  static final int PER_SECOND = 50;

  private double tokens = BURST;
  private long lastNanos;

  synchronized boolean take(long nowNanos) {
    if (lastNanos != 0) {
      tokens = Math.min(BURST, tokens + (nowNanos - lastNanos) * PER_SECOND / 1e9);
    }
    lastNanos = nowNanos;
    if (tokens < 1) {
      return false;
    }
    tokens--;
    return true;
  }
}
