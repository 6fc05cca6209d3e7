package dev.sfumato.engine.forward;

import dev.sfumato.engine.api.RtpParameters;
import dev.sfumato.engine.codec.CodecKind;
import dev.sfumato.engine.rtp.HeaderExtensionIds;
import dev.sfumato.engine.rtp.RtpPacket;
import dev.sfumato.engine.rtp.SdesItemExtension;
import java.nio.charset.StandardCharsets;

/**
 * How a packet with an SSRC the transport does not know yet is matched to a producer's encoding
 * (RFC 8843 §9.2 BUNDLE demultiplexing, RFC 8852 rid): by the mid header extension when the
 * producer has a mid, then by rid (repaired-rid for RTX) among encodings signalled without SSRC,
 * and failing both by payload type when the producer has exactly one encoding without SSRC. Only
 * called after SRTP authenticated the packet (STYLE.md: authenticate before creating state); a
 * match binds the SSRC for good.
 */
public final class ProducerBinding {

  /** Returned by {@link #match} when the packet is not for this producer. */
  public static final int NO_MATCH = -1;

  /** Or-ed into {@link #match}'s result when the packet is the encoding's RTX stream. */
  public static final int RTX = 0x1000;

  private final ProducerStream[] streams;
  private final CodecKind[] codecByPt;
  private final int[] aptByRtxPt;
  private final byte[] mid;
  private final int midId;
  private final int ridId;
  private final int repairedRidId;
  private final byte[][] rids;

  ProducerBinding(
      RtpParameters p, ProducerStream[] streams, CodecKind[] codecByPt, int[] aptByRtxPt) {
    this.streams = streams;
    this.codecByPt = codecByPt;
    this.aptByRtxPt = aptByRtxPt;
    this.mid = p.mid().getBytes(StandardCharsets.US_ASCII);
    this.midId = p.extensionId(HeaderExtensionIds.MID);
    this.ridId = p.extensionId(HeaderExtensionIds.RID);
    this.repairedRidId = p.extensionId(HeaderExtensionIds.REPAIRED_RID);
    this.rids = new byte[streams.length][];
    for (int i = 0; i < streams.length; i++) {
      rids[i] = streams[i].rid.getBytes(StandardCharsets.US_ASCII);
    }
  }

  public int streamCount() {
    return streams.length;
  }

  /** The signalled media SSRC of encoding {@code i}, 0 if it is learned from rid/mid. */
  public long ssrc(int i) {
    return streams[i].ssrc;
  }

  public long rtxSsrc(int i) {
    return streams[i].rtxSsrc;
  }

  /**
   * Matches a packet whose SSRC is unknown to the transport.
   *
   * @return the encoding index (with {@link #RTX} for a repair stream), or {@link #NO_MATCH}
   */
  public int match(RtpPacket p) {
    int pt = p.payloadType();
    boolean rtx = aptByRtxPt[pt] >= 0;
    if (!rtx && codecByPt[pt] == null) {
      return NO_MATCH;
    }
    if (midId > 0 && mid.length > 0) {
      int at = p.findExtension(midId);
      if (at >= 0 && !SdesItemExtension.matches(p.buffer(), at, p.foundExtensionLength(), mid)) {
        return NO_MATCH;
      }
    }
    int byRid = SdesItemExtension.indexOf(p, rtx ? repairedRidId : ridId, rids);
    if (byRid >= 0 && rids[byRid].length > 0) {
      ProducerStream s = streams[byRid];
      if (rtx) {
        return s.rtxSsrc == 0 ? byRid | RTX : NO_MATCH;
      }
      return s.ssrc == 0 ? byRid : NO_MATCH;
    }
    int candidate = NO_MATCH;
    for (int i = 0; i < streams.length; i++) {
      boolean unbound = rtx ? streams[i].rtxSsrc == 0 : streams[i].ssrc == 0;
      if (unbound && rids[i].length == 0) {
        if (candidate != NO_MATCH) {
          return NO_MATCH; // ambiguous without a rid
        }
        candidate = i;
      }
    }
    return candidate == NO_MATCH ? NO_MATCH : (rtx ? candidate | RTX : candidate);
  }

  /** Records the SSRC a {@link #match} result was made for. */
  public void bind(int match, long ssrc) {
    ProducerStream s = streams[match & ~RTX];
    if ((match & RTX) != 0) {
      s.rtxSsrc = ssrc;
    } else {
      s.ssrc = ssrc;
    }
  }
}
