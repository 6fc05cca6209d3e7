package dev.sfumato.engine.sctp;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns received DATA chunks into messages (RFC 9260 §6.9) and delivers them in SSN order per
 * stream, or at once when unordered (§6.6). Fragments of one message carry consecutive TSNs, so a
 * message is complete when a run B..E has no hole. Everything held here counts against our receive
 * window ({@link #bytesHeld}); a message above max-message-size is refused ({@link #add} returns
 * false) rather than buffered.
 *
 * <p>An unfragmented message that is next in order (the common case) is delivered straight from the
 * packet with one copy and no bookkeeping.
 */
final class Reassembly {

  private static final class Fragment {
    final int streamId;
    final int ssn;
    final int ppid;
    final int flags;
    final byte[] data;

    Fragment(DataChunk d) {
      streamId = d.streamId;
      ssn = d.ssn;
      ppid = d.ppid;
      flags = d.flags;
      data = new byte[d.payloadLength];
      System.arraycopy(d.payload, d.payloadOffset, data, 0, d.payloadLength);
    }
  }

  private record Parked(int ppid, byte[] data) {}

  /** Per-stream ordered state: the next SSN to deliver and complete messages waiting for it. */
  private static final class InStream {
    int nextSsn;
    final Map<Integer, Parked> parked = new HashMap<>();
  }

  private final SctpListener listener;
  private final int maxMessageSize;
  private final TreeMap<Long, Fragment> fragments = new TreeMap<>();
  private final Map<Integer, InStream> streams = new HashMap<>();
  private long bytesHeld;
  private long messagesDelivered;

  Reassembly(SctpListener listener, int maxMessageSize) {
    this.listener = listener;
    this.maxMessageSize = maxMessageSize;
  }

  long bytesHeld() {
    return bytesHeld;
  }

  long messagesDelivered() {
    return messagesDelivered;
  }

  /** Takes a new (not duplicate) chunk at unwrapped TSN {@code index}; false = message too big. */
  boolean add(DataChunk d, long index) {
    if (d.begin() && d.end()) {
      if (d.payloadLength > maxMessageSize) {
        return false;
      }
      byte[] msg = new byte[d.payloadLength];
      System.arraycopy(d.payload, d.payloadOffset, msg, 0, d.payloadLength);
      complete(d.streamId, d.ssn, d.ppid, !d.unordered(), msg);
      return true;
    }
    Fragment f = new Fragment(d);
    fragments.put(index, f);
    bytesHeld += f.data.length;
    return tryComplete(index, f);
  }

  /** Walks to the B and E fragments around {@code index}; delivers when the run is whole. */
  private boolean tryComplete(long index, Fragment f) {
    long first = index;
    long size = f.data.length;
    Fragment cur = f;
    while ((cur.flags & DataChunk.FLAG_BEGIN) == 0) {
      Fragment prev = fragments.get(first - 1);
      if (prev == null || !sameMessage(prev, f) || (prev.flags & DataChunk.FLAG_END) != 0) {
        return true; // still incomplete
      }
      first--;
      size += prev.data.length;
      cur = prev;
    }
    long last = index;
    cur = f;
    while ((cur.flags & DataChunk.FLAG_END) == 0) {
      Fragment next = fragments.get(last + 1);
      if (next == null || !sameMessage(next, f) || (next.flags & DataChunk.FLAG_BEGIN) != 0) {
        return size <= maxMessageSize;
      }
      last++;
      size += next.data.length;
      cur = next;
    }
    if (size > maxMessageSize) {
      return false;
    }
    byte[] msg = new byte[(int) size];
    int at = 0;
    for (long i = first; i <= last; i++) {
      Fragment part = fragments.remove(i);
      System.arraycopy(part.data, 0, msg, at, part.data.length);
      at += part.data.length;
    }
    bytesHeld -= size;
    boolean ordered = (f.flags & DataChunk.FLAG_UNORDERED) == 0;
    complete(f.streamId, f.ssn, f.ppid, ordered, msg);
    return true;
  }

  private static boolean sameMessage(Fragment a, Fragment b) {
    return a.streamId == b.streamId
        && ((a.flags ^ b.flags) & DataChunk.FLAG_UNORDERED) == 0
        && ((a.flags & DataChunk.FLAG_UNORDERED) != 0 || a.ssn == b.ssn);
  }

  private void complete(int streamId, int ssn, int ppid, boolean ordered, byte[] msg) {
    if (!ordered) {
      deliver(streamId, ppid, msg, false);
      return;
    }
    InStream s = streams.computeIfAbsent(streamId, k -> new InStream());
    if (ssn == s.nextSsn) {
      s.nextSsn = (s.nextSsn + 1) & 0xFFFF;
      deliver(streamId, ppid, msg, true);
      drain(streamId, s);
    } else if (!Be.ssnLe(ssn, s.nextSsn)
        && s.parked.putIfAbsent(ssn, new Parked(ppid, msg)) == null) {
      bytesHeld += msg.length;
    }
  }

  private void drain(int streamId, InStream s) {
    Parked p;
    while ((p = s.parked.remove(s.nextSsn)) != null) {
      bytesHeld -= p.data.length;
      s.nextSsn = (s.nextSsn + 1) & 0xFFFF;
      deliver(streamId, p.ppid, p.data, true);
    }
  }

  private void deliver(int streamId, int ppid, byte[] msg, boolean ordered) {
    messagesDelivered++;
    listener.message(streamId, ppid, msg, ordered);
  }

  /**
   * RFC 3758 §3.6: drops the fragments of abandoned messages at or below the new cumulative TSN
   * and, for each listed ordered stream, delivers the complete messages up to the SSN given (the
   * ones before it were abandoned, not these), then what became next in order.
   */
  void forward(long newCumIndex, ForwardTsnChunk f) {
    Map<Long, Fragment> dropped = fragments.headMap(newCumIndex, true);
    for (Fragment x : dropped.values()) {
      bytesHeld -= x.data.length;
    }
    dropped.clear();
    for (int i = 0; i < f.streamCount; i++) {
      int sid = f.streams[i];
      InStream s = streams.computeIfAbsent(sid, k -> new InStream());
      int skipTo = f.ssns[i];
      if (!Be.ssnLe(s.nextSsn, skipTo)) {
        continue; // already past it
      }
      int span = (skipTo - s.nextSsn) & 0xFFFF;
      for (int k = 0; k <= span && !s.parked.isEmpty(); k++) {
        Parked p = s.parked.remove((s.nextSsn + k) & 0xFFFF);
        if (p != null) {
          bytesHeld -= p.data.length;
          deliver(sid, p.ppid, p.data, true);
        }
      }
      s.nextSsn = (skipTo + 1) & 0xFFFF;
      drain(sid, s);
    }
  }

  /** RFC 6525 §5.2.2: the peer's outgoing stream restarts at SSN 0. */
  void resetStream(int streamId) {
    InStream s = streams.remove(streamId);
    if (s != null) {
      for (Parked p : s.parked.values()) {
        bytesHeld -= p.data.length;
      }
    }
  }
}
