package dev.sfumato.engine.transport;

import dev.sfumato.engine.sctp.SctpAssociation;

/**
 * The one worker timer of a transport's SCTP association, set at the association's next deadline.
 * Its own class because it is all there is between the sans-I/O association and the worker's clock:
 * {@link TransportData} re-arms it after every call that may move the deadline earlier (receive,
 * send, timer). Deadlines are exact to the worker's millisecond select, so the 200 ms delayed SACK
 * and the 400 ms minimum RTO keep their meaning, and no transport is ever scanned: an idle
 * association holds at most one pending timer. Worker thread only.
 */
final class AssociationTimer {

  private final TransportHost host;
  private final SctpAssociation sctp;
  private final Runnable task = this::onTimer;
  private Runnable cancel;
  private long at;
  private boolean stopped;

  AssociationTimer(TransportHost host, SctpAssociation sctp) {
    this.host = host;
    this.sctp = sctp;
  }

  /** Schedules the timer for the association's next deadline unless one fires no later. */
  void arm() {
    if (stopped) {
      return;
    }
    long next = sctp.nextTimeoutNanos();
    if (next == Long.MAX_VALUE || (cancel != null && next - at >= 0)) {
      return; // the pending timer fires no later; it re-arms for whatever is due then
    }
    if (cancel != null) {
      cancel.run();
    }
    at = next;
    cancel = host.schedule(next - System.nanoTime(), task);
  }

  private void onTimer() {
    cancel = null;
    if (stopped) {
      return;
    }
    long now = System.nanoTime();
    if (now - sctp.nextTimeoutNanos() >= 0) {
      sctp.onTimer(now);
    }
    arm();
  }

  /** The transport closes: the pending timer is cancelled and none is armed again. */
  void stop() {
    stopped = true;
    if (cancel != null) {
      cancel.run();
      cancel = null;
    }
  }
}
