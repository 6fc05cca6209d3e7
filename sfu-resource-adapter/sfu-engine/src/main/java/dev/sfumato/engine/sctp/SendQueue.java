package dev.sfumato.engine.sctp;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.BitSet;

/**
 * User messages that have no TSN yet, in send order, and the per-stream SSN counters (RFC 9260
 * §6.5). Streams with an outgoing reset in progress are paused: their new messages wait aside until
 * the reset is answered, because RFC 6525 §5.1.2 puts them after the reset, with SSNs from 0. Byte
 * accounting against the send buffer limit is {@link OutboundQueue}'s.
 */
final class SendQueue {

  private final ArrayDeque<OutboundMessage> queue = new ArrayDeque<>();
  private final ArrayDeque<OutboundMessage> held = new ArrayDeque<>();
  private final BitSet paused = new BitSet();
  private int[] nextSsn = new int[16];

  void add(OutboundMessage m) {
    (paused.get(m.streamId) ? held : queue).add(m);
  }

  OutboundMessage peek() {
    return queue.peek();
  }

  void poll() {
    queue.poll();
  }

  boolean isEmpty() {
    return queue.isEmpty() && held.isEmpty();
  }

  /** True while messages of the stream still wait for TSNs (an outgoing reset must wait too). */
  boolean hasQueued(int streamId) {
    for (OutboundMessage m : queue) {
      if (m.streamId == streamId) {
        return true;
      }
    }
    return false;
  }

  int takeSsn(int streamId) {
    if (streamId >= nextSsn.length) {
      nextSsn = Arrays.copyOf(nextSsn, Math.max(streamId + 1, nextSsn.length * 2));
    }
    int ssn = nextSsn[streamId];
    nextSsn[streamId] = (ssn + 1) & 0xFFFF;
    return ssn;
  }

  /** RFC 6525 §5.1.2: after an outgoing reset the stream's SSNs restart at 0. */
  void resetSsn(int streamId) {
    if (streamId < nextSsn.length) {
      nextSsn[streamId] = 0;
    }
  }

  void pause(int streamId) {
    paused.set(streamId);
  }

  void resume(int streamId) {
    paused.clear(streamId);
    for (int i = held.size(); i > 0; i--) {
      OutboundMessage m = held.poll();
      (m.streamId == streamId ? queue : held).add(m);
    }
  }
}
