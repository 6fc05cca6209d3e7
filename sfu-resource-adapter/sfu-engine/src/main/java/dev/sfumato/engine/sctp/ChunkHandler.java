package dev.sfumato.engine.sctp;

/**
 * The receive side of {@link SctpAssociation}: checks a packet (CRC32c, ports, the verification tag
 * rules of RFC 9260 §8.5) and dispatches its chunks by type and state (§4, §5, §6, §9; RFC 3758
 * FORWARD TSN; RFC 6525 RE-CONFIG). Reusable chunk objects: nothing is allocated per packet except
 * the delivered messages.
 */
final class ChunkHandler {

  private final SctpAssociation a;
  private final SctpConfig config;
  private final StateCookie cookie;
  private final SctpPacket packet = new SctpPacket();
  private final DataChunk data = new DataChunk();
  private final InitChunk init = new InitChunk();
  private final SackChunk sack = new SackChunk();
  private final HeartbeatChunk heartbeat = new HeartbeatChunk();
  private final ErrorCauseChunk error = new ErrorCauseChunk();
  private final ShutdownChunk shutdown = new ShutdownChunk();
  private final BareChunk bare = new BareChunk();
  private final CookieEchoChunk echo = new CookieEchoChunk();
  private final ForwardTsnChunk forwardTsn = new ForwardTsnChunk();
  private final ReconfigChunk reconfig = new ReconfigChunk();
  private final ReconfigChunk reconfigOut = new ReconfigChunk();
  private final InitChunk initOut = new InitChunk();
  private final byte[] cookieBuf = new byte[StateCookie.LENGTH];

  ChunkHandler(SctpAssociation a, SctpConfig config, StateCookie cookie) {
    this.a = a;
    this.config = config;
    this.cookie = cookie;
  }

  void packet(byte[] buf, int off, int len, long now) {
    if (packet.wrap(buf, off, len) != SctpStatus.OK || !packet.nextChunk()) {
      a.drop(SctpDrop.MALFORMED_PACKET);
      return;
    }
    if (packet.destinationPort() != config.localPort()
        || packet.sourcePort() != config.remotePort()) {
      a.drop(SctpDrop.WRONG_PORT);
      return;
    }
    if (!tagOk(packet.chunkType(), packet.chunkFlags(), packet.verificationTag())) {
      a.drop(SctpDrop.WRONG_TAG);
      return;
    }
    boolean hadData = false;
    do {
      int type = packet.chunkType();
      if (type == ChunkType.DATA) {
        hadData |= onData(buf, packet.chunkOffset(), packet.chunkLength());
      } else if (!control(type, buf, packet.chunkOffset(), packet.chunkLength(), now)) {
        return;
      }
      if (a.state == SctpState.TERMINATED) {
        return;
      }
    } while (packet.nextChunk());
    if (packet.status() != SctpStatus.OK) {
      a.drop(SctpDrop.MALFORMED_PACKET);
    }
    if (hadData) {
      a.dataPacketReceived(now);
    }
  }

  /**
   * §8.4 rule 5: a SHUTDOWN ACK after we closed means our SHUTDOWN COMPLETE was lost; answer with
   * one whose T bit says the tag is the peer's own, or the peer retries until it gives up.
   */
  void afterClose(byte[] buf, int off, int len) {
    if (packet.wrap(buf, off, len) == SctpStatus.OK
        && packet.nextChunk()
        && packet.chunkType() == ChunkType.SHUTDOWN_ACK
        && packet.verificationTag() == a.localTag) {
      a.writer.tag(a.localTag);
      a.writer.add(bare.set(ChunkType.SHUTDOWN_COMPLETE, ErrorCauseChunk.FLAG_T));
      a.writer.flush();
    }
  }

  /** §8.5: INIT carries tag 0 (and must be alone, §6.10); ABORT / SHUTDOWN COMPLETE with T. */
  private boolean tagOk(int firstType, int flags, int tag) {
    if (firstType == ChunkType.INIT) {
      return tag == 0;
    }
    boolean reflected = (flags & ErrorCauseChunk.FLAG_T) != 0;
    if (reflected && (firstType == ChunkType.ABORT || firstType == ChunkType.SHUTDOWN_COMPLETE)) {
      return a.peerTag != 0 && tag == a.peerTag;
    }
    return tag == a.localTag;
  }

  /** Handles one control chunk; false stops processing the rest of the packet. */
  private boolean control(int type, byte[] buf, int off, int len, long now) {
    switch (type) {
      case ChunkType.INIT:
        return decoded(init.decode(buf, off, len)) && onInit(now);
      case ChunkType.INIT_ACK:
        return decoded(init.decode(buf, off, len)) && onInitAck(now);
      case ChunkType.COOKIE_ECHO:
        return decoded(echo.decode(buf, off, len)) && onCookieEcho(now);
      case ChunkType.COOKIE_ACK:
        if (a.state == SctpState.COOKIE_ECHOED) {
          a.established(a.inboundPeerInitialTsn, a.inboundPeerRwnd);
        }
        return true;
      case ChunkType.SACK:
        if (decoded(sack.decode(buf, off, len)) && a.state.compareTo(SctpState.ESTABLISHED) >= 0) {
          a.outbound.onSack(sack, now);
        }
        return true;
      case ChunkType.HEARTBEAT:
        if (decoded(heartbeat.decode(buf, off, len)) && a.peerTag != 0) {
          heartbeat.ack = true; // §8.3: echo the info back unchanged
          a.writer.tag(a.peerTag);
          a.writer.add(heartbeat);
        }
        return true;
      case ChunkType.ABORT:
        a.terminate(SctpCloseReason.ABORTED_BY_PEER);
        return false;
      case ChunkType.SHUTDOWN:
        if (decoded(shutdown.decode(buf, off, len))) {
          a.shutdownReceived();
        }
        return true;
      case ChunkType.SHUTDOWN_ACK:
        return onShutdownAck();
      case ChunkType.SHUTDOWN_COMPLETE:
        if (a.state == SctpState.SHUTDOWN_ACK_SENT) {
          a.terminate(SctpCloseReason.SHUTDOWN);
        }
        return false;
      case ChunkType.FORWARD_TSN:
        return decoded(forwardTsn.decode(buf, off, len)) && onForwardTsn();
      case ChunkType.RE_CONFIG:
        return decoded(reconfig.decode(buf, off, len)) && onReconfig(now);
      case ChunkType.ERROR:
      case ChunkType.HEARTBEAT_ACK: // we send no HEARTBEATs: DTLS/ICE consent watch the path
        return true;
      default:
        return unknown(type, buf, off, len);
    }
  }

  private boolean decoded(SctpStatus s) {
    if (s != SctpStatus.OK) {
      a.drop(SctpDrop.MALFORMED_CHUNK);
      return false;
    }
    return true;
  }

  /** §3.2: the high bits of an unknown type say skip or stop, and whether to report it. */
  private boolean unknown(int type, byte[] buf, int off, int len) {
    a.drop(SctpDrop.UNKNOWN_CHUNK);
    if (ChunkType.reportIfUnknown(type) && a.peerTag != 0) {
      int n = Math.min(len, a.writer.maxChunk() - 8);
      a.writer.tag(a.peerTag);
      a.writer.add(error.set(false, ErrorCauseChunk.CAUSE_UNRECOGNIZED_CHUNK, buf, off, n));
    }
    return ChunkType.skipIfUnknown(type);
  }

  // ---- association setup (§5) --------------------------------------------------------------

  void sendInit() {
    fillInit(false);
    initOut.cookieLength = 0;
    a.writer.tag(0);
    a.writer.add(initOut);
  }

  private void fillInit(boolean ack) {
    initOut.ack = ack;
    initOut.initiateTag = a.localTag;
    initOut.aRwnd = a.advertisedWindow();
    initOut.outboundStreams = config.streams();
    initOut.inboundStreams = config.streams();
    initOut.initialTsn = a.localInitialTsn;
    initOut.forwardTsnSupported = true; // RFC 3758 §3.1, needed by partially reliable channels
    initOut.extensionCount = 2; // RFC 5061 §4.2.7
    initOut.extensions[0] = ChunkType.FORWARD_TSN;
    initOut.extensions[1] = ChunkType.RE_CONFIG;
  }

  /** §5.1 B and §5.2.1: answer with an INIT ACK and a signed cookie; no state is kept. */
  private boolean onInit(long now) {
    if (a.state.compareTo(SctpState.COOKIE_ECHOED) > 0) {
      a.drop(SctpDrop.UNEXPECTED_CHUNK); // §5.2.2 restart: not supported, WebRTC never restarts
      return false;
    }
    cookie.createdMillis = now / 1_000_000L;
    cookie.localTag = a.localTag;
    cookie.peerTag = init.initiateTag;
    cookie.localInitialTsn = a.localInitialTsn;
    cookie.peerInitialTsn = init.initialTsn;
    cookie.peerRwnd = init.aRwnd;
    cookie.peerOutboundStreams = init.outboundStreams;
    cookie.peerInboundStreams = init.inboundStreams;
    cookie.flags = init.forwardTsnSupported ? StateCookie.FLAG_FORWARD_TSN : 0;
    cookie.write(cookieBuf, 0);
    fillInit(true);
    initOut.cookie = cookieBuf;
    initOut.cookieOffset = 0;
    initOut.cookieLength = StateCookie.LENGTH;
    a.writer.tag(init.initiateTag);
    a.writer.add(initOut);
    return false; // §6.10: nothing may be bundled with INIT
  }

  /** §5.1 C: in COOKIE-WAIT only (§5.2.3 otherwise); echo the cookie. */
  private boolean onInitAck(long now) {
    if (a.state != SctpState.COOKIE_WAIT || init.cookieLength == 0) {
      a.drop(SctpDrop.UNEXPECTED_CHUNK);
      return false;
    }
    if (init.cookieLength > a.writer.maxChunk() - 4) {
      a.drop(SctpDrop.MALFORMED_CHUNK);
      return false;
    }
    a.peerTag = init.initiateTag;
    a.peerForwardTsn = init.forwardTsnSupported;
    a.outboundStreams = Math.min(config.streams(), init.inboundStreams);
    a.inboundPeerInitialTsn = init.initialTsn;
    a.inboundPeerRwnd = Integer.toUnsignedLong(init.aRwnd);
    a.echoCookie = new byte[init.cookieLength];
    System.arraycopy(init.cookie, init.cookieOffset, a.echoCookie, 0, init.cookieLength);
    sendCookieEcho();
    a.cookieEchoed(now);
    return false;
  }

  void sendCookieEcho() {
    echo.cookie = a.echoCookie;
    echo.cookieOffset = 0;
    echo.cookieLength = a.echoCookie.length;
    a.writer.tag(a.peerTag);
    a.writer.add(echo);
  }

  /** §5.1.5 and §5.2.4: authenticate first, then create state (or ack a duplicate). */
  private boolean onCookieEcho(long now) {
    if (!cookie.verify(
            echo.cookie,
            echo.cookieOffset,
            echo.cookieLength,
            now / 1_000_000L,
            config.cookieLifetimeMillis())
        || cookie.localTag != a.localTag) {
      a.drop(SctpDrop.BAD_COOKIE);
      return false;
    }
    if (a.state.compareTo(SctpState.ESTABLISHED) >= 0) {
      if (cookie.peerTag != a.peerTag) {
        a.drop(SctpDrop.UNEXPECTED_CHUNK); // §5.2.4 case A, a restart: not supported
        return false;
      }
    } else {
      a.peerTag = cookie.peerTag; // §5.2.4 case B on a collision, or a fresh association
      a.peerForwardTsn = (cookie.flags & StateCookie.FLAG_FORWARD_TSN) != 0;
      a.outboundStreams = Math.min(config.streams(), cookie.peerInboundStreams);
      a.established(cookie.peerInitialTsn, Integer.toUnsignedLong(cookie.peerRwnd));
    }
    a.writer.tag(a.peerTag);
    a.writer.add(bare.set(ChunkType.COOKIE_ACK, 0));
    return true; // DATA may be bundled after the COOKIE ECHO
  }

  // ---- data transfer (§6), FORWARD TSN, RE-CONFIG, shutdown -------------------------------

  /** Takes one DATA chunk; true when it counts as received data for the SACK rules. */
  private boolean onData(byte[] buf, int off, int len) {
    if (!decoded(data.decode(buf, off, len))) {
      return false;
    }
    SctpState s = a.state;
    if (s.compareTo(SctpState.ESTABLISHED) < 0 || s == SctpState.SHUTDOWN_ACK_SENT) {
      a.drop(SctpDrop.UNEXPECTED_CHUNK);
      return false;
    }
    InboundTsns in = a.inbound;
    boolean next = data.tsn == in.cumulativeTsn() + 1;
    if (!next && a.reassembly.bytesHeld() + data.payloadLength > config.receiveWindow()) {
      a.drop(SctpDrop.DATA_NO_ROOM); // §6.2: no room; the lowest missing TSN is always taken
      return true;
    }
    int r = in.receive(data.tsn);
    if (r == InboundTsns.OUT_OF_WINDOW) {
      a.drop(SctpDrop.DATA_NO_ROOM);
      return true;
    }
    if (r == InboundTsns.DUPLICATE) {
      a.sackNow = true; // §6.2: report duplicates at once
      return true;
    }
    if (!a.reassembly.add(data, in.index(data.tsn))) {
      a.abortWith(ErrorCauseChunk.CAUSE_OUT_OF_RESOURCE, SctpCloseReason.MESSAGE_TOO_LARGE);
      return false;
    }
    if (in.hasGaps() || (data.flags & DataChunk.FLAG_IMMEDIATE) != 0) {
      a.sackNow = true; // §6.7: out of order data is acknowledged at once
    }
    return true;
  }

  /** RFC 3758 §3.6: move the cumulative TSN, skip SSNs, answer with a SACK at once. */
  private boolean onForwardTsn() {
    if (a.state.compareTo(SctpState.ESTABLISHED) < 0) {
      return true;
    }
    InboundTsns in = a.inbound;
    if (Be.tsnLt(in.cumulativeTsn(), forwardTsn.newCumulativeTsn)) {
      long index = in.index(forwardTsn.newCumulativeTsn);
      in.forwardTo(forwardTsn.newCumulativeTsn);
      a.reassembly.forward(index, forwardTsn);
    }
    a.sackNow = true;
    return true;
  }

  private boolean onReconfig(long now) {
    if (a.state.compareTo(SctpState.ESTABLISHED) < 0) {
      return true;
    }
    reconfigOut.paramCount = 0;
    for (int i = 0; i < reconfig.paramCount; i++) {
      ReconfigChunk.Param p = reconfig.param(i);
      ReconfigChunk.Param resp = reconfigOut.param(reconfigOut.paramCount);
      if (p.type == ReconfigChunk.OUTGOING_RESET) {
        int n = a.resets.onOutgoingRequest(p, a.inbound.cumulativeTsn(), resp);
        for (int k = 0; k < n; k++) {
          a.reassembly.resetStream(p.streams[k]);
          a.listener.streamReset(p.streams[k]);
        }
        reconfigOut.paramCount++;
      } else if (p.type == ReconfigChunk.INCOMING_RESET) {
        a.resets.onIncomingRequest(p, resp);
        reconfigOut.paramCount++;
      } else if (p.type == ReconfigChunk.RESPONSE) {
        a.resets.onResponse(p, a.outbound, now, a.rto.rtoNanos());
      } else {
        resp.type = ReconfigChunk.RESPONSE; // §5.2.5 ... an unsupported request is denied
        resp.seq = p.seq;
        resp.result = ReconfigChunk.RESULT_DENIED;
        reconfigOut.paramCount++;
      }
    }
    if (reconfigOut.paramCount > 0) {
      a.writer.tag(a.peerTag);
      a.writer.add(reconfigOut);
    }
    return true;
  }

  /** §9.2: answer SHUTDOWN ACK with SHUTDOWN COMPLETE and close. */
  private boolean onShutdownAck() {
    if (a.state != SctpState.SHUTDOWN_SENT && a.state != SctpState.SHUTDOWN_ACK_SENT) {
      a.drop(SctpDrop.UNEXPECTED_CHUNK);
      return true;
    }
    a.writer.tag(a.peerTag);
    a.writer.add(bare.set(ChunkType.SHUTDOWN_COMPLETE, 0));
    a.writer.flush();
    a.terminate(SctpCloseReason.SHUTDOWN);
    return false;
  }
}
