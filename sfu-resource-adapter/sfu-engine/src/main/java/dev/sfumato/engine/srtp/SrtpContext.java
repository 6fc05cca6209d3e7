package dev.sfumato.engine.srtp;

import dev.sfumato.engine.srtp.SrtpKeyDerivation.SessionKeys;

/**
 * One direction of an SRTP session (RFC 3711 §3.2 cryptographic context): an inbound context
 * unprotects what the peer sent, an outbound context protects what we send. Build both with {@link
 * SrtpContexts#fromDtlsKeyingMaterial}.
 *
 * <pre>
 * RTP header (RFC 3550 §5.1), which stays in clear and is authenticated:
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * |V=2|P|X|  CC   |M|     PT      |       sequence number         |
 * |                           timestamp                           |
 * |                             SSRC                              |
 * |                 CSRC list (CC * 4 bytes)                      |
 * |   extension profile           |   extension length (words)    |  if X
 * </pre>
 *
 * <p>Every method works in place on {@code buf[off, off + len)} and returns the new length, or a
 * negative {@link SrtpError#code()}: peer input never throws. Protecting needs tailroom after the
 * packet: {@link SrtpProfile#tagLength()} bytes for RTP, {@link SrtpProfile#rtcpOverhead()} for
 * RTCP. Per-SSRC state (ROC, replay window) is created or advanced only after a packet
 * authenticates (STYLE.md, security order); a packet that fails leaves the context unchanged. Not
 * thread-safe: a context belongs to its transport's worker thread. Nothing is allocated per packet
 * except what the JCE's GCM {@code init} allocates (see {@link AesGcmTransform}).
 */
public final class SrtpContext {

  private static final int RTP_HEADER = 12;
  private static final int RTCP_HEADER = 8;

  private final SrtpProfile profile;
  private final SrtpTransform rtp;
  private final SrtpTransform rtcp;
  private final SsrcTable rtpStreams = new SsrcTable();
  private final SsrcTable rtcpStreams = new SsrcTable();
  private final long[] drops = new long[SrtpError.values().length];

  SrtpContext(SrtpProfile profile, SessionKeys keys) {
    this.profile = profile;
    if (profile == SrtpProfile.AEAD_AES_128_GCM) {
      rtp = new AesGcmTransform(keys.rtpKey(), keys.rtpSalt());
      rtcp = new AesGcmTransform(keys.rtcpKey(), keys.rtcpSalt());
    } else {
      rtp = new AesCmHmacSha1Transform(keys.rtpKey(), keys.rtpSalt(), keys.rtpAuthKey());
      rtcp = new AesCmHmacSha1Transform(keys.rtcpKey(), keys.rtcpSalt(), keys.rtcpAuthKey());
    }
  }

  public SrtpProfile profile() {
    return profile;
  }

  /** RFC 3711 §3.3: encrypts the payload and appends the tag; returns {@code len + tag}. */
  public int protectRtp(byte[] buf, int off, int len) {
    int header = rtpHeaderLength(buf, off, len);
    if (header < 0) {
      return drop(header);
    }
    if (buf.length - off - len < profile.tagLength()) {
      return drop(SrtpError.NO_TAILROOM.code());
    }
    int ssrc = readInt(buf, off + 8);
    int seq = readShort(buf, off + 2);
    int slot = rtpStreams.find(ssrc);
    if (slot < 0) {
      slot = rtpStreams.add(ssrc, seq); // our own stream: ROC starts at 0 (RFC 3711 §3.3.1)
      if (slot < 0) {
        return drop(SrtpError.SSRC_LIMIT.code());
      }
    }
    long index = rtpStreams.estimateIndex(slot, seq);
    if (index < 0) {
      return drop(SrtpError.TOO_OLD.code());
    }
    int result = rtp.protectRtp(buf, off, header, len, ssrc, index);
    if (result < 0) {
      return drop(result);
    }
    rtpStreams.accept(slot, index);
    return result;
  }

  /** RFC 3711 §3.3: authenticates, checks replay, decrypts; returns the RTP length. */
  public int unprotectRtp(byte[] buf, int off, int len) {
    int tag = profile.tagLength();
    if (len < RTP_HEADER + tag) {
      return drop(SrtpError.TOO_SHORT.code());
    }
    int header = rtpHeaderLength(buf, off, len - tag);
    if (header < 0) {
      return drop(header);
    }
    int ssrc = readInt(buf, off + 8);
    int seq = readShort(buf, off + 2);
    int slot = rtpStreams.find(ssrc);
    long index = seq; // a new SSRC starts at ROC 0 (RFC 3711 §3.3.1)
    if (slot >= 0) {
      index = rtpStreams.estimateIndex(slot, seq);
      if (index < 0) {
        return drop(SrtpError.TOO_OLD.code());
      }
      int replay = rtpStreams.check(slot, index);
      if (replay < 0) {
        return drop(replay);
      }
    } else if (rtpStreams.isFull()) {
      return drop(SrtpError.SSRC_LIMIT.code());
    }
    int result = rtp.unprotectRtp(buf, off, header, len, ssrc, index);
    if (result < 0) {
      return drop(result);
    }
    if (slot < 0) {
      rtpStreams.add(ssrc, index);
    } else {
      rtpStreams.accept(slot, index);
    }
    return result;
  }

  /** RFC 3711 §3.4: encrypts after the first 8 bytes, appends E + SRTCP index and the tag. */
  public int protectRtcp(byte[] buf, int off, int len) {
    if (len < RTCP_HEADER) {
      return drop(SrtpError.TOO_SHORT.code());
    }
    if (buf.length - off - len < profile.rtcpOverhead()) {
      return drop(SrtpError.NO_TAILROOM.code());
    }
    int ssrc = readInt(buf, off + 4);
    int slot = rtcpStreams.find(ssrc);
    int index = 0; // RFC 3711 §3.4: the SRTCP index starts at 0 and counts modulo 2^31
    if (slot >= 0) {
      index = (int) ((rtcpStreams.highest(slot) + 1) & 0x7FFF_FFFF);
    } else {
      slot = rtcpStreams.add(ssrc, 0);
      if (slot < 0) {
        return drop(SrtpError.SSRC_LIMIT.code());
      }
    }
    int result = rtcp.protectRtcp(buf, off, len, ssrc, index);
    if (result < 0) {
      return drop(result);
    }
    rtcpStreams.setHighest(slot, index);
    return result;
  }

  /** RFC 3711 §3.4: authenticates, checks the SRTCP index for replay, decrypts if E is set. */
  public int unprotectRtcp(byte[] buf, int off, int len) {
    int trailer = profile.rtcpOverhead();
    if (len < RTCP_HEADER + trailer) {
      return drop(SrtpError.TOO_SHORT.code());
    }
    int ssrc = readInt(buf, off + 4);
    int eIndex = readInt(buf, off + len - rtcp.srtcpIndexFromEnd());
    long index = eIndex & 0x7FFF_FFFF;
    int slot = rtcpStreams.find(ssrc);
    if (slot >= 0) {
      int replay = rtcpStreams.check(slot, index);
      if (replay < 0) {
        return drop(replay);
      }
    } else if (rtcpStreams.isFull()) {
      return drop(SrtpError.SSRC_LIMIT.code());
    }
    int result = rtcp.unprotectRtcp(buf, off, len, ssrc, eIndex);
    if (result < 0) {
      return drop(result);
    }
    if (slot < 0) {
      rtcpStreams.add(ssrc, index);
    } else {
      rtcpStreams.accept(slot, index);
    }
    return result;
  }

  /** Forgets an SSRC's RTP and RTCP state, e.g. when its producer or consumer closes. */
  public void removeSsrc(int ssrc) {
    rtpStreams.remove(ssrc);
    rtcpStreams.remove(ssrc);
  }

  /** How many SSRCs have RTP state here (at most {@link #maxSsrcs()}). */
  public int rtpSsrcCount() {
    return rtpStreams.size();
  }

  /** How many SSRCs have SRTCP state here. */
  public int rtcpSsrcCount() {
    return rtcpStreams.size();
  }

  /** The bound on SSRCs per context and per protocol; beyond it packets drop as SSRC_LIMIT. */
  public static int maxSsrcs() {
    return SsrcTable.MAX_SSRCS;
  }

  /** The replay window, in packet indices. */
  public static int replayWindow() {
    return SsrcTable.REPLAY_WINDOW;
  }

  /** Packets refused for {@code reason} since the context was built. */
  public long dropCount(SrtpError reason) {
    return drops[reason.ordinal()];
  }

  private int drop(int code) {
    drops[-1 - code]++;
    return code;
  }

  /**
   * RTP header length with CSRCs and extension (RFC 3550 §5.1, §5.3.1), or a negative error code if
   * it does not fit in {@code len}. The version is not checked: the RFC 7983 demux already did.
   */
  static int rtpHeaderLength(byte[] buf, int off, int len) {
    if (len < RTP_HEADER) {
      return SrtpError.TOO_SHORT.code();
    }
    int b0 = buf[off] & 0xFF;
    int header = RTP_HEADER + 4 * (b0 & 0x0F);
    if ((b0 & 0x10) != 0) {
      if (header + 4 > len) {
        return SrtpError.MALFORMED.code();
      }
      header += 4 + 4 * readShort(buf, off + header + 2);
    }
    return header <= len ? header : SrtpError.MALFORMED.code();
  }

  private static int readShort(byte[] buf, int at) {
    return ((buf[at] & 0xFF) << 8) | (buf[at + 1] & 0xFF);
  }

  private static int readInt(byte[] buf, int at) {
    return ((buf[at] & 0xFF) << 24)
        | ((buf[at + 1] & 0xFF) << 16)
        | ((buf[at + 2] & 0xFF) << 8)
        | (buf[at + 3] & 0xFF);
  }
}
