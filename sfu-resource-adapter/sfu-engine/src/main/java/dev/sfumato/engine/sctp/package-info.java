/**
 * SCTP for WebRTC data channels: RFC 9260 over DTLS (RFC 8261) with partial reliability (RFC 3758),
 * stream reset (RFC 6525) and DCEP (RFC 8832), written for this engine because no maintained
 * pure-Java SCTP exists.
 *
 * <p>Wiring into a transport (all calls on its worker thread; nothing here starts threads or
 * locks):
 *
 * <pre>{@code
 * DataChannels channels = new DataChannels(dtlsRole, channelListener);
 * SctpAssociation sctp = new SctpAssociation(
 *     SctpConfig.webRtc().withPorts(localSctpPort, remoteSctpPort)   // a=sctp-port
 *         .withMaxMessageSize(ourMaxMessageSize),                     // our a=max-message-size
 *     (buf, off, len) -> dtls.send(buf, off, len),                    // SCTP packet -> DTLS record
 *     channels);
 * channels.attach(sctp);
 * sctp.peerMaxMessageSize(remoteMaxMessageSize);                      // their a=max-message-size
 * sctp.connect();                                                     // once DTLS is connected
 * // DtlsListener.onApplicationData -> sctp.receive(buf, off, len)
 * // worker loop: if (now >= sctp.nextTimeoutNanos()) sctp.onTimer(now)
 * }</pre>
 *
 * <p>Decisions:
 *
 * <ul>
 *   <li>Sans I/O: {@link dev.sfumato.engine.sctp.SctpAssociation} takes packets and a clock, emits
 *       packets through {@link dev.sfumato.engine.sctp.SctpOutput}; tests run two of them over an
 *       in-process lossy link on a fake clock.
 *   <li>Peer input never throws: codec classes return {@link dev.sfumato.engine.sctp.SctpStatus},
 *       the association counts {@link dev.sfumato.engine.sctp.SctpDrop}s. A COOKIE ECHO is
 *       authenticated (HMAC-SHA256, lifetime) before any state exists.
 *   <li>Bounded: the send buffer ({@code sendBufferLimit}, send returns BUFFER_FULL), the receive
 *       window (reassembly and ordering hold at most {@code receiveWindow} bytes, a message above
 *       max-message-size aborts), 16384 TSNs tracked above the cumulative ack.
 *   <li>Not implemented: I-DATA (RFC 8260, not offered so never used), multi-homing, association
 *       restart (a second INIT after establishment is dropped), sending HEARTBEATs (ICE consent and
 *       DTLS watch the path; peer HEARTBEATs are answered), adding streams, SSN/TSN reset.
 *   <li>Allocation: one copy per received fragment and per delivered message, one small object per
 *       sent DATA chunk; the codec and packet checks allocate nothing.
 * </ul>
 */
package dev.sfumato.engine.sctp;
