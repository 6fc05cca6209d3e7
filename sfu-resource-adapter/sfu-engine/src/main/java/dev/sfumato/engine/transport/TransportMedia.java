package dev.sfumato.engine.transport;

import dev.sfumato.engine.forward.Consumer;
import dev.sfumato.engine.forward.ForwardBuffers;
import dev.sfumato.engine.forward.Producer;
import dev.sfumato.engine.forward.ProducerBinding;
import dev.sfumato.engine.rtcp.Fir;
import dev.sfumato.engine.rtcp.Nack;
import dev.sfumato.engine.rtcp.Pli;
import dev.sfumato.engine.rtcp.RtcpCompound;
import dev.sfumato.engine.rtcp.RtcpFeedback;
import dev.sfumato.engine.rtcp.RtcpHeader;
import dev.sfumato.engine.rtcp.RtcpStatus;
import dev.sfumato.engine.rtcp.SenderReport;
import dev.sfumato.engine.rtp.RtpPacket;
import dev.sfumato.engine.stats.DropReason;
import java.util.ArrayList;
import java.util.List;

/**
 * The media side of a transport: which producer a decrypted RTP packet belongs to (by SSRC, or
 * bound by mid/rid on first sight, see {@link ProducerBinding}) and where each RTCP sub-packet goes
 * (SR → producer stream; NACK, PLI, FIR for one of our SSRCs → that consumer; RR, SDES, BYE, REMB
 * and transport-cc are read past for now). Worker thread only; nothing allocated per packet.
 */
public final class TransportMedia {

  private final WebRtcTransport transport;
  private final TransportHost host;
  private final long rtcpSsrc;
  private final RtpPacket rtp = new RtpPacket();
  private final RtcpCompound compound = new RtcpCompound();
  private final SsrcTable producerSsrcs = new SsrcTable();
  private final SsrcTable consumerSsrcs = new SsrcTable();
  private final List<Producer> producers = new ArrayList<>();
  private final List<Consumer> consumers = new ArrayList<>();

  TransportMedia(WebRtcTransport transport, TransportHost host, long rtcpSsrc) {
    this.transport = transport;
    this.host = host;
    this.rtcpSsrc = rtcpSsrc;
  }

  /** The SSRC our RTCP to publishers on this transport is sent from (RFC 3550 §8: random). */
  public long rtcpSsrc() {
    return rtcpSsrc;
  }

  public List<Producer> producers() {
    return producers;
  }

  public List<Consumer> consumers() {
    return consumers;
  }

  // ---- control ----

  /**
   * Registers the producer's signalled SSRCs.
   *
   * @throws IllegalArgumentException if an SSRC or the mid is already used on this transport
   */
  public void addProducer(Producer producer) {
    String mid = producer.parameters().mid();
    for (Producer p : producers) {
      if (!mid.isEmpty() && p.parameters().mid().equals(mid)) {
        throw new IllegalArgumentException("mid " + mid + " already has a producer");
      }
    }
    ProducerBinding b = producer.binding();
    for (int i = 0; i < b.streamCount(); i++) {
      boolean ok =
          (b.ssrc(i) == 0 || producerSsrcs.add(b.ssrc(i), producer, i) >= 0)
              && (b.rtxSsrc(i) == 0
                  || producerSsrcs.add(b.rtxSsrc(i), producer, i | ProducerBinding.RTX) >= 0);
      if (!ok) {
        producerSsrcs.removeAll(producer);
        throw new IllegalArgumentException("an SSRC of encoding " + i + " is already in use");
      }
    }
    producers.add(producer);
  }

  public void removeProducer(Producer producer) {
    producers.remove(producer);
    producerSsrcs.removeAll(producer);
  }

  /**
   * @throws IllegalArgumentException if the consumer's SSRC is already used on this transport
   */
  public void addConsumer(Consumer consumer) {
    if (consumerSsrcs.add(consumer.ssrc(), consumer, 0) < 0) {
      throw new IllegalArgumentException("consumer SSRC " + consumer.ssrc() + " already in use");
    }
    consumers.add(consumer);
  }

  public void removeConsumer(Consumer consumer) {
    consumers.remove(consumer);
    consumerSsrcs.removeAll(consumer);
  }

  // ---- media path ----

  void handleRtp(byte[] buf, int off, int len, long now) {
    RtpPacket p = rtp;
    if (!p.wrap(buf, off, len)) {
      host.count(DropReason.RTP_MALFORMED);
      return;
    }
    int i = producerSsrcs.indexOf(p.ssrc());
    if (i < 0) {
      i = bind(p);
      if (i < 0) {
        host.count(DropReason.UNKNOWN_SSRC);
        return;
      }
    }
    int info = producerSsrcs.info(i);
    ((Producer) producerSsrcs.target(i))
        .onRtp(
            p, info & ~ProducerBinding.RTX, (info & ProducerBinding.RTX) != 0, now, host.buffers());
  }

  /** First packet of an unsignalled SSRC, already authenticated: find its producer encoding. */
  private int bind(RtpPacket p) {
    for (int k = 0; k < producers.size(); k++) {
      Producer producer = producers.get(k);
      int match = producer.binding().match(p);
      if (match != ProducerBinding.NO_MATCH) {
        int i = producerSsrcs.add(p.ssrc(), producer, match);
        if (i >= 0) {
          producer.binding().bind(match, p.ssrc());
        }
        return i;
      }
    }
    return -1;
  }

  void handleRtcp(byte[] buf, int off, int len, long now) {
    RtcpCompound c = compound;
    c.wrap(buf, off, len);
    while (c.next()) {
      int po = c.packetOffset();
      int pl = c.packetLength();
      switch (c.packetType()) {
        case RtcpHeader.SR -> onSenderReport(buf, po, pl, now);
        case RtcpHeader.RTPFB -> {
          if (c.count() == RtcpFeedback.FMT_NACK && Nack.validate(buf, po, pl) == RtcpStatus.OK) {
            Consumer consumer = consumerFor(RtcpFeedback.mediaSsrc(buf, po));
            if (consumer != null) {
              consumer.onNack(buf, po, pl, now, host.buffers());
            }
          }
        }
        case RtcpHeader.PSFB -> onPayloadFeedback(buf, po, pl, c.count(), now);
        default -> {
          // RR, SDES, BYE, APP, XR: nothing the forwarding needs yet
        }
      }
    }
    if (c.status() != RtcpStatus.END) {
      host.count(DropReason.RTCP_MALFORMED);
    }
  }

  private void onSenderReport(byte[] buf, int po, int pl, long now) {
    if (SenderReport.validate(buf, po, pl) != RtcpStatus.OK) {
      return;
    }
    int i = producerSsrcs.indexOf(SenderReport.ssrc(buf, po));
    int info = i < 0 ? 0 : producerSsrcs.info(i);
    if (i >= 0 && (info & ProducerBinding.RTX) == 0) {
      ((Producer) producerSsrcs.target(i))
          .onSenderReport(info, SenderReport.compactNtp(buf, po), now);
    }
  }

  private void onPayloadFeedback(byte[] buf, int po, int pl, int fmt, long now) {
    if (fmt == RtcpFeedback.FMT_PLI && Pli.validate(buf, po, pl) == RtcpStatus.OK) {
      Consumer consumer = consumerFor(Pli.mediaSsrc(buf, po));
      if (consumer != null) {
        consumer.onKeyFrameRequest(now, host.buffers());
      }
    } else if (fmt == RtcpFeedback.FMT_FIR && Fir.validate(buf, po, pl) == RtcpStatus.OK) {
      for (int e = 0; e < Fir.entryCount(pl); e++) {
        Consumer consumer = consumerFor(Fir.ssrc(buf, po, e)); // RFC 5104 §4.3.1: SSRC in the FCI
        if (consumer != null) {
          consumer.onKeyFrameRequest(now, host.buffers());
        }
      }
    }
  }

  private Consumer consumerFor(long ssrc) {
    int i = consumerSsrcs.indexOf(ssrc);
    return i < 0 ? null : (Consumer) consumerSsrcs.target(i);
  }

  void tick(long now, long wallMillis) {
    ForwardBuffers fb = host.buffers();
    for (int i = 0; i < producers.size(); i++) {
      producers.get(i).onTick(now, fb);
    }
    for (int i = 0; i < consumers.size(); i++) {
      consumers.get(i).onTick(now, wallMillis, fb);
    }
  }
}
