package dev.sfumato.engine.sctp;

import java.util.ArrayDeque;

/**
 * RFC 6525 stream reset as WebRTC uses it to close a data channel (RFC 8831 §6.7): each side sends
 * an Outgoing SSN Reset Request for the streams it closes; the receiver resets its incoming SSNs
 * once it holds every TSN up to the sender's last assigned one (§5.2.2), else answers "In progress"
 * and the sender asks again. One request is outstanding at a time (§5.1.1), resent on its own timer
 * until answered.
 */
final class StreamResets {

  private final ArrayDeque<Integer> wanted = new ArrayDeque<>();
  private final int[] requestStreams = new int[ReconfigChunk.Param.MAX_STREAMS];
  private int requestCount;
  private int requestSeq;
  private int requestLastTsn;
  private boolean outstanding;
  private boolean resendDue;
  private long deadline = Long.MAX_VALUE;
  private int peerNextSeq;
  private int lastResult = ReconfigChunk.RESULT_PERFORMED;

  /** §5.1.1/§5.2.1: request sequence numbers start at each side's initial TSN. */
  void init(int localInitialTsn, int peerInitialTsn) {
    requestSeq = localInitialTsn;
    peerNextSeq = peerInitialTsn;
  }

  void request(int streamId) {
    if (!wanted.contains(streamId)) {
      wanted.add(streamId);
    }
  }

  long deadline() {
    return deadline;
  }

  void onTimer(long now) {
    if (outstanding && now >= deadline) {
      resendDue = true;
    }
  }

  /**
   * Fills a request when one is due: a resend of the outstanding one, or a new one for wanted
   * streams that have nothing left in the send queue (their data must all have TSNs first).
   */
  boolean takeRequest(ReconfigChunk out, OutboundQueue q, long now, long rtoNanos) {
    if (outstanding && !resendDue) {
      return false;
    }
    if (!outstanding) {
      requestCount = 0;
      int n = wanted.size();
      for (int i = 0; i < n && requestCount < requestStreams.length; i++) {
        int sid = wanted.poll();
        if (q.queue().hasQueued(sid)) {
          wanted.add(sid);
        } else {
          requestStreams[requestCount++] = sid;
          q.queue().pause(sid);
        }
      }
      if (requestCount == 0) {
        return false;
      }
      requestLastTsn = q.lastAssignedTsn();
      outstanding = true;
    }
    resendDue = false;
    deadline = now + rtoNanos;
    out.paramCount = 1;
    ReconfigChunk.Param p = out.first;
    p.type = ReconfigChunk.OUTGOING_RESET;
    p.seq = requestSeq;
    p.responseSeq = peerNextSeq - 1;
    p.lastTsn = requestLastTsn;
    p.streamCount = requestCount;
    System.arraycopy(requestStreams, 0, p.streams, 0, requestCount);
    return true;
  }

  /** §5.2.7 on a Re-configuration Response to our request. */
  void onResponse(ReconfigChunk.Param p, OutboundQueue q, long now, long rtoNanos) {
    if (!outstanding || p.seq != requestSeq) {
      return;
    }
    if (p.result == ReconfigChunk.RESULT_IN_PROGRESS) {
      deadline = now + rtoNanos; // ask again after an RTO
      return;
    }
    boolean done =
        p.result == ReconfigChunk.RESULT_PERFORMED
            || p.result == ReconfigChunk.RESULT_NOTHING_TO_DO;
    for (int i = 0; i < requestCount; i++) {
      if (done) {
        q.queue().resetSsn(requestStreams[i]);
      }
      q.queue().resume(requestStreams[i]);
    }
    outstanding = false;
    requestSeq++;
    deadline = Long.MAX_VALUE;
  }

  /**
   * §5.2.2 on the peer's Outgoing SSN Reset Request; fills {@code resp} and returns the streams
   * reset now (in {@code p.streams}, count returned; 0 when nothing was performed).
   */
  int onOutgoingRequest(ReconfigChunk.Param p, int cumTsn, ReconfigChunk.Param resp) {
    resp.type = ReconfigChunk.RESPONSE;
    resp.seq = p.seq;
    resp.streamCount = 0;
    if (p.seq == peerNextSeq - 1) {
      resp.result = lastResult; // a retransmission of the request we last answered
      return 0;
    }
    if (p.seq != peerNextSeq) {
      resp.result = ReconfigChunk.RESULT_BAD_SEQUENCE;
      return 0;
    }
    if (p.streamCount == 0) {
      resp.result = lastResult = ReconfigChunk.RESULT_DENIED; // "all streams": not used by WebRTC
      peerNextSeq++;
      return 0;
    }
    if (Be.tsnLt(cumTsn, p.lastTsn)) {
      resp.result = ReconfigChunk.RESULT_IN_PROGRESS; // §5.2.2 deferred: data still missing
      return 0;
    }
    resp.result = lastResult = ReconfigChunk.RESULT_PERFORMED;
    peerNextSeq++;
    return p.streamCount;
  }

  /** §5.2.3: the peer asks us to reset our outgoing streams; we do so with our own request. */
  void onIncomingRequest(ReconfigChunk.Param p, ReconfigChunk.Param resp) {
    resp.type = ReconfigChunk.RESPONSE;
    resp.seq = p.seq;
    resp.streamCount = 0;
    if (p.seq != peerNextSeq) {
      resp.result = p.seq == peerNextSeq - 1 ? lastResult : ReconfigChunk.RESULT_BAD_SEQUENCE;
      return;
    }
    for (int i = 0; i < p.streamCount; i++) {
      request(p.streams[i]);
    }
    resp.result = lastResult = ReconfigChunk.RESULT_PERFORMED;
    peerNextSeq++;
  }
}
