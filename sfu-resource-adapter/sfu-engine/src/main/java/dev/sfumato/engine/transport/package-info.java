/**
 * WebRTC transports (mediasoup's WebRtcTransport): ICE-lite, DTLS-SRTP, BUNDLE and rtcp-mux on the
 * owning worker's single UDP port.
 *
 * <p>Decisions: the worker's RFC 7983 demultiplexer finds a transport for STUN by the ufrag in
 * USERNAME and for DTLS/SRTP by source address, and only addresses that passed an authenticated
 * check (and still have consent, RFC 7675) are accepted. DTLS starts once {@code
 * connectWebRtcTransport} gave the remote role and fingerprint and ICE selected an address; the
 * remote {@code actpass}/{@code active} makes us the DTLS server, {@code passive} the client. DTLS
 * outputs (records to send, keys, failure) hop onto the worker as commands, at most 64 pending
 * records per transport. Any DTLS failure, a fingerprint mismatch above all, closes the transport
 * with its producers and consumers. An SSRC not signalled in {@code produce} is bound to an
 * encoding by mid/rid only after its first packet authenticated.
 *
 * <p>Data channels ({@link dev.sfumato.engine.transport.TransportData}, after {@code enableSctp}):
 * SCTP over DTLS (RFC 8261) with DCEP. The association is built once the DTLS role is known (it
 * decides stream-id parity) and sends INIT when DTLS is connected. SCTP packets leave the DTLS
 * drain thread as commands, at most 256 pending per transport (more is a counted drop; SCTP
 * resends). Outgoing SCTP packets are encrypted on the worker by {@code DtlsSession.send}, which
 * serializes with the drain task on a lock (Bouncy Castle's record layer is not safe for a
 * concurrent send and receive), and the record goes to the socket at once. SCTP timers are one
 * worker timer per association at its next deadline. Peer-opened channels become data producers;
 * closing the transport ABORTs the association and closes its data producers and consumers with
 * events.
 *
 * <p>Test-only fault injection ({@code injectLoss}, enabled by {@code EngineConfig.faultInjection})
 * drops DTLS records after the handshake and SRTP/SRTCP datagrams in both directions with a
 * per-worker xorshift generator, counted as {@code INJECTED_LOSS}.
 */
package dev.sfumato.engine.transport;
