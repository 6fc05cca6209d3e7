package dev.sfumato.engine.forward;

import dev.sfumato.engine.api.ConsumerId;
import dev.sfumato.engine.api.MediaKind;
import dev.sfumato.engine.api.RtpParameters;
import dev.sfumato.engine.rtcp.Nack;
import dev.sfumato.engine.rtcp.SenderReport;
import dev.sfumato.engine.rtp.RtpPacket;
import dev.sfumato.engine.rtp.Rtx;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One producer's media sent on one transport (mediasoup's Consumer), under its own SSRC. Per
 * packet: forward only the encoding it follows, wait for a keyframe before video starts, resumes or
 * switches encoding, map the payload type and header extension ids to the subscriber's, renumber
 * sequence numbers and timestamps without gaps across those events ({@link SequenceRewriter}), then
 * hand the packet to the transport to protect and send. Answers the subscriber's NACKs from the
 * producer's retransmission buffer (as RTX, RFC 4588, when negotiated) and forwards its PLI/FIR to
 * the producer, which rate-limits them. Worker thread only; nothing allocated per packet.
 */
public final class Consumer {

  private final ConsumerId id;
  private final MediaTransport transport;
  private final Producer producer;
  private final RtpParameters parameters;
  private final MediaKind kind;
  private final long ssrc;
  private final long rtxSsrc;
  private final ConsumerMapping mapping;
  private final SequenceRewriter rewriter;
  private int currentStream = -1;
  private boolean waitingForKeyframe;
  private boolean paused;
  private boolean closed;
  private int rtxSequence;
  private long packetsSent;
  private long bytesSent;
  private long payloadBytesSent;
  private long nacksReceived;
  private long retransmitted;
  private long keyframeRequestsReceived;
  private long droppedPayloadType;

  /**
   * @throws IllegalArgumentException if the parameters cannot carry the producer's media
   */
  public Consumer(
      ConsumerId id, MediaTransport transport, Producer producer, RtpParameters params) {
    if (params.kind() != producer.kind()) {
      throw new IllegalArgumentException("consumer kind differs from the producer's");
    }
    long ownSsrc = params.encodings().get(0).ssrc();
    if (ownSsrc == 0) {
      throw new IllegalArgumentException("consumer rtpParameters.encodings[0].ssrc is required");
    }
    this.id = id;
    this.transport = transport;
    this.producer = producer;
    this.parameters = params;
    this.kind = producer.kind();
    this.ssrc = ownSsrc;
    this.rtxSsrc = params.encodings().get(0).rtxSsrc();
    this.mapping = new ConsumerMapping(producer.parameters(), params);
    this.rewriter = new SequenceRewriter(mapping.clockRate);
    this.waitingForKeyframe = kind == MediaKind.VIDEO;
  }

  /** Joins the producer's fan-out and asks for the keyframe it will start on. */
  public void start(long now, ForwardBuffers fb) {
    producer.addConsumer(this);
    askForKeyframe(now, fb);
  }

  public ConsumerId id() {
    return id;
  }

  public MediaTransport transport() {
    return transport;
  }

  public Producer producer() {
    return producer;
  }

  public MediaKind kind() {
    return kind;
  }

  public RtpParameters parameters() {
    return parameters;
  }

  public long ssrc() {
    return ssrc;
  }

  public long rtxSsrc() {
    return rtxSsrc;
  }

  public boolean isPaused() {
    return paused;
  }

  // ---- media path ----

  void forward(RtpPacket in, int streamIndex, boolean keyframe, long now, ForwardBuffers fb) {
    if (paused || closed) {
      return;
    }
    if (streamIndex != currentStream) {
      if (streamIndex != producer.selectedStream()) {
        return;
      }
      if (!keyframe) {
        producer.requestKeyFrame(streamIndex, now, fb); // switch (or start) on its next keyframe
        return;
      }
      currentStream = streamIndex;
      waitingForKeyframe = false;
      rewriter.resync();
    } else if (waitingForKeyframe) {
      if (!keyframe) {
        return;
      }
      waitingForKeyframe = false;
    }
    int pt = mapping.payloadTypes[in.payloadType()];
    if (pt < 0) {
      droppedPayloadType++;
      return;
    }
    if (!rewriter.map(in.sequenceNumber(), in.timestamp(), now)) {
      return;
    }
    int len = in.length();
    System.arraycopy(in.buffer(), in.offset(), fb.rtp, 0, len);
    RtpPacket out = fb.packet;
    out.wrap(fb.rtp, 0, len);
    rewrite(out, pt, rewriter.outSeq(), rewriter.outTs());
    if (transport.sendRtp(fb.rtp, 0, len)) {
      packetsSent++;
      bytesSent += len;
      payloadBytesSent += out.payloadLength();
    }
  }

  private void rewrite(RtpPacket out, int pt, int seq, long ts) {
    out.setSsrc(ssrc);
    out.setPayloadType(pt);
    out.setSequenceNumber(seq);
    out.setTimestamp(ts);
    out.remapExtensions(mapping.extensionIds);
  }

  /** A generic NACK (RFC 4585 §6.2.1) from the subscriber for our SSRC, at {@code buf[off]}. */
  public void onNack(byte[] buf, int off, int len, long now, ForwardBuffers fb) {
    nacksReceived++;
    if (currentStream < 0) {
      return;
    }
    RetransmissionBuffer buffer = producer.stream(currentStream).buffer;
    if (buffer == null) {
      return;
    }
    int n = Nack.lostSequences(buf, off, len, fb.sequences);
    for (int i = 0; i < n; i++) {
      retransmit(buffer, fb.sequences[i], now, fb);
    }
  }

  private void retransmit(RetransmissionBuffer buffer, int outSeq, long now, ForwardBuffers fb) {
    int inSeq = rewriter.inputOf(outSeq);
    if (inSeq < 0) {
      return;
    }
    int len = buffer.copy(inSeq, now, fb.rtp, 0);
    RtpPacket out = fb.packet;
    if (len < 0 || !out.wrap(fb.rtp, 0, len)) {
      return;
    }
    int pt = mapping.payloadTypes[out.payloadType()];
    if (pt < 0) {
      return;
    }
    rewrite(out, pt, outSeq, rewriter.mapTimestamp(out.timestamp()));
    int rtxPt = mapping.rtxPayloadTypes[pt];
    if (rtxSsrc != 0 && rtxPt >= 0) {
      if (!Rtx.wrap(out, rtxPt, rtxSsrc, rtxSequence)) {
        return;
      }
      rtxSequence = (rtxSequence + 1) & 0xFFFF;
    }
    if (transport.sendRtp(fb.rtp, 0, out.length())) {
      retransmitted++;
    }
  }

  /** A PLI or FIR from the subscriber: passed to the producer, which rate-limits it. */
  public void onKeyFrameRequest(long now, ForwardBuffers fb) {
    keyframeRequestsReceived++;
    askForKeyframe(now, fb);
  }

  /** The session layer asks for a keyframe on the subscriber's behalf. */
  public void requestKeyFrame(long now, ForwardBuffers fb) {
    askForKeyframe(now, fb);
  }

  private void askForKeyframe(long now, ForwardBuffers fb) {
    int stream = currentStream >= 0 ? currentStream : producer.selectedStream();
    producer.requestKeyFrame(Math.max(0, stream), now, fb);
  }

  /** Periodic: a sender report (RFC 3550 §6.4.1) once something was sent. */
  public void onTick(long now, long wallMillis, ForwardBuffers fb) {
    if (closed || !rewriter.hasSent()) {
      return;
    }
    int len =
        SenderReport.write(
            fb.rtcp,
            0,
            ssrc,
            ntp(wallMillis),
            rewriter.timestampAt(now),
            packetsSent,
            payloadBytesSent,
            fb.blocks,
            0);
    if (len > 0) {
      transport.sendRtcp(fb.rtcp, 0, len);
    }
  }

  /** RFC 5905 §6: seconds since 1900 in the high word, the fraction in the low one. */
  static long ntp(long wallMillis) {
    long seconds = wallMillis / 1000 + 2_208_988_800L;
    long fraction = ((wallMillis % 1000) << 32) / 1000;
    return (seconds << 32) | fraction;
  }

  // ---- control ----

  public void pause() {
    paused = true;
  }

  /** Resumes with a new epoch on the next keyframe, which is asked for. */
  public void resume(long now, ForwardBuffers fb) {
    if (paused) {
      paused = false;
      onProducerResumed(now, fb);
    }
  }

  void onProducerResumed(long now, ForwardBuffers fb) {
    rewriter.resync();
    waitingForKeyframe = kind == MediaKind.VIDEO;
    askForKeyframe(now, fb);
  }

  /** Leaves the producer's fan-out. Idempotent. */
  public void close() {
    if (!closed) {
      closed = true;
      producer.removeConsumer(this);
    }
  }

  public boolean isClosed() {
    return closed;
  }

  public Map<String, Long> stats() {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("packetsOut", packetsSent);
    m.put("bytesOut", bytesSent);
    m.put("nacksIn", nacksReceived);
    m.put("retransmitted", retransmitted);
    m.put("keyframeRequestsIn", keyframeRequestsReceived);
    m.put("droppedPayloadType", droppedPayloadType);
    m.put("currentStream", (long) currentStream);
    return m;
  }
}
