package dev.sfumato.engine.forward;

import dev.sfumato.engine.api.MediaKind;
import dev.sfumato.engine.api.ProducerId;
import dev.sfumato.engine.api.RtcpFeedback;
import dev.sfumato.engine.api.RtpCodecParameters;
import dev.sfumato.engine.api.RtpEncodingParameters;
import dev.sfumato.engine.api.RtpParameters;
import dev.sfumato.engine.codec.CodecKind;
import dev.sfumato.engine.codec.KeyframeDetector;
import dev.sfumato.engine.observer.AudioLevelMeter;
import dev.sfumato.engine.rtcp.Fir;
import dev.sfumato.engine.rtcp.Nack;
import dev.sfumato.engine.rtcp.Pli;
import dev.sfumato.engine.rtcp.ReceiverReport;
import dev.sfumato.engine.rtp.HeaderExtensionIds;
import dev.sfumato.engine.rtp.RtpPacket;
import dev.sfumato.engine.rtp.Rtx;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One published track received on a transport (mediasoup's Producer): its encodings ({@link
 * ProducerStream}), the fan-out to its consumers and the RTCP it owes the publisher (receiver
 * reports, NACKs for gaps, rate-limited keyframe requests).
 *
 * <p>Fan-out reads a copy-on-write array of consumers without a lock; it is written only on control
 * commands, on the same worker thread. Simulcast: every encoding is received and buffered, but
 * consumers forward one, the highest-ranked encoding that is alive ({@link #selectedStream}); a
 * bandwidth-driven choice per consumer is later work (ARCHITECTURE.md: StreamAllocator).
 */
public final class Producer {

  /** One keyframe request per encoding per this interval: a PLI storm only slows the encoder. */
  static final long KEYFRAME_REQUEST_INTERVAL_NANOS = 500_000_000L;

  /** An encoding without packets for this long is not forwarded any more. */
  static final long STREAM_INACTIVE_NANOS = 1_500_000_000L;

  private static final Consumer[] NO_CONSUMERS = new Consumer[0];

  private final ProducerId id;
  private final MediaTransport transport;
  private final RtpParameters parameters;
  private final MediaKind kind;
  private final ProducerStream[] streams;
  private final CodecKind[] codecByPt = new CodecKind[128];
  private final int[] aptByRtxPt = new int[128];
  private final boolean nack;
  private final boolean pli;
  private final boolean fir;
  private final long rtcpSsrc;
  private final ProducerBinding binding;
  private final AudioLevelMeter audioLevel;
  private Consumer[] consumers = NO_CONSUMERS;
  private int selected = -1;
  private int firSequence;
  private boolean paused;
  private boolean closed;
  private long packetsIn;
  private long droppedUnknownPt;

  /**
   * @param rtcpSsrc the SSRC our RTCP to the publisher is sent from
   * @throws IllegalArgumentException on parameters the engine cannot receive
   */
  public Producer(
      ProducerId id, MediaTransport transport, RtpParameters parameters, long rtcpSsrc) {
    this.id = id;
    this.transport = transport;
    this.parameters = parameters;
    this.kind = parameters.kind();
    this.rtcpSsrc = rtcpSsrc;
    Arrays.fill(aptByRtxPt, -1);
    boolean wantsNack = false;
    boolean wantsPli = false;
    boolean wantsFir = false;
    int clockRate = 90_000;
    for (RtpCodecParameters codec : parameters.codecs()) {
      if (codec.isRtx()) {
        aptByRtxPt[codec.payloadType()] = aptOf(codec);
        continue;
      }
      if (codecByPt[codec.payloadType()] == null && clockRate == 90_000) {
        clockRate = codec.clockRate();
      }
      codecByPt[codec.payloadType()] = CodecKind.fromMimeType(codec.mimeType());
      for (RtcpFeedback fb : codec.rtcpFeedback()) {
        wantsNack |= fb.type().equals("nack") && fb.parameter().isEmpty();
        wantsPli |= fb.type().equals("nack") && fb.parameter().equals("pli");
        wantsFir |= fb.type().equals("ccm") && fb.parameter().equals("fir");
      }
    }
    this.nack = wantsNack;
    this.pli = wantsPli;
    this.fir = wantsFir;
    this.streams = streams(parameters, kind, clockRate);
    this.binding = new ProducerBinding(parameters, streams, codecByPt, aptByRtxPt);
    int levelId = parameters.extensionId(HeaderExtensionIds.AUDIO_LEVEL);
    this.audioLevel = kind == MediaKind.AUDIO && levelId > 0 ? new AudioLevelMeter(levelId) : null;
  }

  static int aptOf(RtpCodecParameters rtx) {
    String apt = rtx.parameters().get("apt");
    try {
      int pt = apt == null ? -1 : Integer.parseInt(apt.trim());
      if (pt < 0 || pt > 127) {
        throw new IllegalArgumentException("rtx codec needs an apt 0..127: " + apt);
      }
      return pt;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("rtx apt is not a number: " + apt, e);
    }
  }

  /** Ranks encodings: rids q < h < f when all are named so (the usual three), else list order. */
  private static ProducerStream[] streams(RtpParameters p, MediaKind kind, int clockRate) {
    int n = p.encodings().size();
    boolean qhf =
        p.encodings().stream().allMatch(e -> "qhf".contains(e.rid()) && e.rid().length() == 1);
    ProducerStream[] out = new ProducerStream[n];
    for (int i = 0; i < n; i++) {
      RtpEncodingParameters e = p.encodings().get(i);
      int rank = qhf ? "qhf".indexOf(e.rid()) : i;
      out[i] =
          new ProducerStream(
              i, e.ssrc(), e.rid(), e.rtxSsrc(), rank, clockRate, kind == MediaKind.VIDEO);
    }
    return out;
  }

  public ProducerId id() {
    return id;
  }

  public MediaTransport transport() {
    return transport;
  }

  public MediaKind kind() {
    return kind;
  }

  public RtpParameters parameters() {
    return parameters;
  }

  int streamCount() {
    return streams.length;
  }

  ProducerStream stream(int index) {
    return streams[index];
  }

  /** The SSRCs signalled in the parameters, media and RTX, for the transport's SSRC table. */
  public ProducerBinding binding() {
    return binding;
  }

  /** RFC 6464 levels for the router's speaker observer; null unless audio with the extension. */
  public AudioLevelMeter audioLevel() {
    return audioLevel;
  }

  /** The encoding consumers should forward, or -1 before any packet arrived. */
  int selectedStream() {
    return selected;
  }

  public boolean isPaused() {
    return paused;
  }

  public boolean isClosed() {
    return closed;
  }

  // ---- media path ----

  /**
   * One authenticated, decrypted packet of encoding {@code streamIndex} (RTX already recognised by
   * its SSRC when {@code rtx}). May rewrite the packet in place (RTX unwrap).
   */
  public void onRtp(RtpPacket p, int streamIndex, boolean rtx, long now, ForwardBuffers fb) {
    if (closed) {
      return;
    }
    ProducerStream stream = streams[streamIndex];
    if (rtx) {
      int apt = aptByRtxPt[p.payloadType()];
      if (apt < 0 || Rtx.unwrap(p, apt, stream.ssrc) < 0) {
        return; // RFC 4588 padding-only probes carry nothing to forward
      }
    }
    CodecKind codec = codecByPt[p.payloadType()];
    if (codec == null) {
      droppedUnknownPt++;
      return;
    }
    packetsIn++;
    int missing = stream.receive(p.sequenceNumber(), p.timestamp(), p.length(), now);
    if (missing > 0 && missing <= ProducerStream.MAX_NACK_GAP && nack) {
      sendNack(stream, p.sequenceNumber(), missing, fb);
    }
    if (stream.buffer != null) {
      stream.buffer.store(p.sequenceNumber(), p.buffer(), p.offset(), p.length(), now);
    }
    boolean keyframe =
        kind == MediaKind.AUDIO
            || KeyframeDetector.isKeyframe(
                codec, p.buffer(), p.payloadOffset(), p.payloadLength() - p.paddingLength());
    if (keyframe) {
      stream.lastKeyframeNanos = now;
    }
    if (selected < 0 || (selected != streamIndex && stream.rank > streams[selected].rank)) {
      selected = streamIndex;
    }
    if (paused) {
      return; // a muted track is not speaking, whatever its packets say
    }
    if (audioLevel != null && !rtx) {
      audioLevel.observe(p);
    }
    Consumer[] fanOut = consumers;
    for (int i = 0; i < fanOut.length; i++) {
      fanOut[i].forward(p, streamIndex, keyframe, now, fb);
    }
  }

  private void sendNack(ProducerStream stream, int seq, int missing, ForwardBuffers fb) {
    int n = Math.min(missing, fb.sequences.length);
    for (int i = 0; i < n; i++) {
      fb.sequences[i] = (seq - missing + i) & 0xFFFF;
    }
    int len = Nack.write(fb.rtcp, 0, rtcpSsrc, stream.ssrc, fb.sequences, n);
    if (len > 0 && transport.sendRtcp(fb.rtcp, 0, len)) {
      stream.nacksSent++;
    }
  }

  /** An SR from the publisher (for LSR/DLSR in our receiver reports). */
  public void onSenderReport(int streamIndex, long compactNtp, long now) {
    streams[streamIndex].onSenderReport(compactNtp, now);
  }

  /**
   * Asks the publisher for a keyframe of one encoding: PLI (RFC 4585 §6.3.1), or FIR (RFC 5104
   * §4.3.1) when only that was negotiated; at most once per {@link
   * #KEYFRAME_REQUEST_INTERVAL_NANOS}.
   */
  public void requestKeyFrame(int streamIndex, long now, ForwardBuffers fb) {
    if (kind != MediaKind.VIDEO || streamIndex < 0 || streamIndex >= streams.length || closed) {
      return;
    }
    ProducerStream stream = streams[streamIndex];
    if (stream.ssrc == 0
        || now - stream.lastKeyframeRequestNanos < KEYFRAME_REQUEST_INTERVAL_NANOS) {
      return;
    }
    int len =
        fir && !pli
            ? Fir.write(fb.rtcp, 0, rtcpSsrc, stream.ssrc, firSequence++ & 0xFF)
            : Pli.write(fb.rtcp, 0, rtcpSsrc, stream.ssrc);
    if (len > 0 && transport.sendRtcp(fb.rtcp, 0, len)) {
      stream.lastKeyframeRequestNanos = now;
      stream.keyframeRequests++;
    }
  }

  /** Periodic work (about once a second): receiver report, inactive-encoding check. */
  public void onTick(long now, ForwardBuffers fb) {
    if (closed) {
      return;
    }
    int blocks = 0;
    for (ProducerStream s : streams) {
      if (blocks < fb.blocks.length && s.fillReport(fb.blocks[blocks], now)) {
        blocks++;
      }
    }
    if (blocks > 0) {
      int len = ReceiverReport.write(fb.rtcp, 0, rtcpSsrc, fb.blocks, blocks);
      if (len > 0) {
        transport.sendRtcp(fb.rtcp, 0, len);
      }
    }
    if (selected >= 0 && now - streams[selected].lastPacketNanos > STREAM_INACTIVE_NANOS) {
      int best = -1;
      for (ProducerStream s : streams) {
        if (s.hasReceived()
            && now - s.lastPacketNanos <= STREAM_INACTIVE_NANOS
            && (best < 0 || s.rank > streams[best].rank)) {
          best = s.index;
        }
      }
      if (best >= 0) {
        selected = best;
      }
    }
  }

  // ---- control ----

  void addConsumer(Consumer consumer) {
    Consumer[] next = Arrays.copyOf(consumers, consumers.length + 1);
    next[consumers.length] = consumer;
    consumers = next;
  }

  void removeConsumer(Consumer consumer) {
    Consumer[] current = consumers;
    for (int i = 0; i < current.length; i++) {
      if (current[i] == consumer) {
        Consumer[] next = new Consumer[current.length - 1];
        System.arraycopy(current, 0, next, 0, i);
        System.arraycopy(current, i + 1, next, i, current.length - i - 1);
        consumers = next;
        return;
      }
    }
  }

  /** The consumers right now (a snapshot: closing them changes the producer's array). */
  public Consumer[] consumers() {
    return consumers;
  }

  public void pause() {
    paused = true;
  }

  /** Resumes; consumers wait for a keyframe, which is asked for. */
  public void resume(long now, ForwardBuffers fb) {
    if (paused) {
      paused = false;
      for (Consumer c : consumers) {
        c.onProducerResumed(now, fb);
      }
    }
  }

  /** Marks the producer closed; the caller closes its consumers (with their events). */
  public void close() {
    closed = true;
  }

  public Map<String, Long> stats() {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("packetsIn", packetsIn);
    m.put("droppedUnknownPayloadType", droppedUnknownPt);
    m.put("consumers", (long) consumers.length);
    long bytes = 0;
    long lost = 0;
    long nacks = 0;
    long keyframeRequests = 0;
    for (ProducerStream s : streams) {
      bytes += s.bytes();
      lost += s.cumulativeLost();
      nacks += s.nacksSent;
      keyframeRequests += s.keyframeRequests;
      m.put("stream." + s.index + ".packets", s.packets());
      m.put("stream." + s.index + ".jitter", s.jitter());
    }
    m.put("bytesIn", bytes);
    m.put("packetsLost", lost);
    m.put("nacksSent", nacks);
    m.put("keyframeRequestsSent", keyframeRequests);
    m.put("selectedStream", (long) selected);
    return m;
  }
}
