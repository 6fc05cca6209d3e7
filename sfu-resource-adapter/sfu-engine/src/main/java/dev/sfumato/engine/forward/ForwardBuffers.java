package dev.sfumato.engine.forward;

import dev.sfumato.engine.rtcp.ReportBlock;
import dev.sfumato.engine.rtp.RtpPacket;

/**
 * One worker's scratch space for the forwarding path, allocated once per worker so that sending
 * allocates nothing per packet. Every array is an MTU plus {@link #TAILROOM}: SRTP appends its tag
 * in place (10 or 16 bytes) and RTX inserts a 2-byte original sequence number. Confined to the
 * worker thread; a user fills and sends it before the next user takes it.
 */
public final class ForwardBuffers {

  /** Largest RTP or RTCP packet we forward: the Ethernet MTU, as UdpEndpoint accepts. */
  public static final int MTU = 1500;

  /** Room after a packet: 16-byte GCM tag, 4-byte SRTCP index, 2-byte RTX OSN, with margin. */
  public static final int TAILROOM = 64;

  /** Lost sequence numbers written into one NACK at most (RFC 4585 §6.2.1 FCIs of 17 each). */
  public static final int MAX_NACK_SEQUENCES = 64;

  /** Where a consumer builds the packet it sends. */
  public final byte[] rtp = new byte[MTU + TAILROOM];

  /** A view re-pointed over {@link #rtp}. */
  public final RtpPacket packet = new RtpPacket();

  /** Where RTCP we originate (PLI, FIR, NACK, SR, RR) is written. */
  public final byte[] rtcp = new byte[MTU + TAILROOM];

  /** Sequence numbers of a NACK being built or read. */
  public final int[] sequences = new int[MAX_NACK_SEQUENCES];

  /** Report blocks of an RR being built (RFC 3550 §6.4: at most 31 per packet). */
  public final ReportBlock[] blocks = new ReportBlock[31];

  public ForwardBuffers() {
    for (int i = 0; i < blocks.length; i++) {
      blocks[i] = new ReportBlock();
    }
  }
}
