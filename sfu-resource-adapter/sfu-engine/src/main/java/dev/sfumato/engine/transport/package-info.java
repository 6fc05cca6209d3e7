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
 */
package dev.sfumato.engine.transport;
