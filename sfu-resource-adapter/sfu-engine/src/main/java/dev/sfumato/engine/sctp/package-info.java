/**
 * SCTP for WebRTC data channels: RFC 9260 over DTLS (RFC 8261) with partial reliability (RFC 3758),
 * stream reset (RFC 6525) and DCEP (RFC 8832), written for this engine because no maintained
 * pure-Java SCTP exists.
 *
 * <p>Wired into every WebRTC transport that {@code enableSctp} was called on, by {@link
 * dev.sfumato.engine.transport.TransportData} (all calls on the transport's worker thread; nothing
 * here starts threads or locks):
 *
 * <pre>{@code
 * DataChannels channels = new DataChannels(dtlsRole, transportData);   // once the role is known
 * SctpAssociation sctp = new SctpAssociation(
 *     SctpConfig.webRtc().withPorts(5000, remoteSctpPort)              // a=sctp-port
 *         .withMaxMessageSize(262144)                                  // our a=max-message-size
 *         .withMtu(1152),                                              // fits one DTLS record
 *     (buf, off, len) -> dtls.send(buf, off, len),                     // encrypted on the worker
 *     channels);
 * channels.attach(sctp);
 * sctp.peerMaxMessageSize(remoteMaxMessageSize);                       // 0: 65536 assumed
 * sctp.connect();                                                      // when DTLS is connected
 * // DTLS drain thread: copy, post a command; worker: sctp.receive(packet, 0, len)
 * // one worker timer at sctp.nextTimeoutNanos(), re-armed after each call: sctp.onTimer(now)
 * }</pre>
 *
 * <p>{@link dev.sfumato.engine.sctp.DataChannels} also registers negotiated channels (RFC 8831
 * §6.5, no DCEP) and sends with explicit {@link dev.sfumato.engine.sctp.SendOptions}, so a data
 * consumer's own ordering and partial reliability apply on a channel the peer opened. Messages are
 * only read once queued, so one array is shared by every consumer a data producer forwards to.
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
