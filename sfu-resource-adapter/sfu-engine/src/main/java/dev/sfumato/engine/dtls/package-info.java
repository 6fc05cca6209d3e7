/**
 * DTLS 1.2 for WebRTC transports (RFC 6347, RFC 5764 DTLS-SRTP, RFC 8842 SDP offer/answer, RFC 8122
 * fingerprints), on Bouncy Castle's low-level {@code org.bouncycastle.tls} API.
 *
 * <p>Pieces: {@link dev.sfumato.engine.dtls.DtlsCertificate} (the engine's ECDSA P-256 identity,
 * one per engine), {@link dev.sfumato.engine.dtls.DtlsSession} (one per WebRtcTransport), fed by
 * the worker's RFC 7983 demultiplexer through {@link dev.sfumato.engine.dtls.DtlsSession#offer},
 * sending through a {@link dev.sfumato.engine.dtls.DatagramSender}, reporting to a {@link
 * dev.sfumato.engine.dtls.DtlsListener}: {@link dev.sfumato.engine.dtls.SrtpKeyMaterial} on
 * success, a {@link dev.sfumato.engine.dtls.DtlsFailureReason} on failure, SCTP packets after.
 *
 * <p>Decisions.
 *
 * <ul>
 *   <li><b>BcTlsCrypto, not JcaTlsCrypto.</b> DTLS carries the handshake and data-channel records
 *       only; SRTP, the bulk, runs on the JCE elsewhere. Bouncy Castle's own crypto needs no JCA
 *       provider: nothing is registered in {@code java.security.Security} of a shared application
 *       server (a class-loader leak on redeploy), and behaviour does not depend on which providers
 *       the server's JVM has (IBM Semeru, FIPS mode). Its slower AES only costs data-channel
 *       throughput, which is small next to media.
 *   <li><b>Threads.</b> Bouncy Castle's handshake blocks; it runs as one task on an executor the
 *       engine supplies and holds a thread only until it completes or times out. The executor must
 *       run tasks in parallel (a single thread would queue every other transport's handshake behind
 *       a 30 s timeout). After the handshake, records are decrypted by short drain tasks scheduled
 *       when datagrams arrive, so no thread waits per connected transport.
 *   <li><b>Authentication.</b> Both ends present certificates (the server sends a
 *       CertificateRequest); each checks the peer's against the SDP fingerprint inside the
 *       handshake, before any key exists. A mismatch is its own failure reason so the transport
 *       closes DTLS, SRTP and data channels together.
 *   <li><b>Protocol choices.</b> DTLS 1.2 only; ECDHE-ECDSA with AES-128/256-GCM; use_srtp with
 *       SRTP_AEAD_AES_128_GCM preferred, then SRTP_AES128_CM_HMAC_SHA1_80, no MKI; extended master
 *       secret used when offered but not required and renegotiation refused (Bouncy Castle's
 *       defaults: every browser offers EMS, and requiring it would only lock out old embedded
 *       stacks); no HelloVerifyRequest cookie round trip (optional, RFC 6347 §4.2.1): it guards
 *       against spoofed source addresses, and only datagrams from the ICE-verified address reach a
 *       session.
 *   <li><b>Limits</b> ({@link dev.sfumato.engine.dtls.DtlsConfig}): 30 s handshake timeout, 32
 *       queued datagrams or 32 KiB per transport, 1200-byte datagrams sent, up to 1500 received.
 * </ul>
 */
package dev.sfumato.engine.dtls;
