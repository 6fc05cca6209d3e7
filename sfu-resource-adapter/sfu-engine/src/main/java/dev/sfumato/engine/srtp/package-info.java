/**
 * SRTP and SRTCP, RFC 3711, with the two DTLS-SRTP profiles the engine offers:
 * SRTP_AES128_CM_HMAC_SHA1_80 (RFC 3711, RFC 5764) and SRTP_AEAD_AES_128_GCM (RFC 7714).
 *
 * <p>Entry points: {@link dev.sfumato.engine.srtp.SrtpContexts#fromDtlsKeyingMaterial} turns the
 * DTLS exporter output into an inbound and an outbound {@link dev.sfumato.engine.srtp.SrtpContext};
 * its {@code protectRtp/unprotectRtp/protectRtcp/unprotectRtcp(byte[] buf, int off, int len)} work
 * in place and return the new length or a negative {@link dev.sfumato.engine.srtp.SrtpError} code.
 *
 * <p>Decisions, written down:
 *
 * <ul>
 *   <li>Crypto on the JCE only (AES-NI and SHA intrinsics); Bouncy Castle stays in DTLS.
 *   <li>AES-CM keystream from {@code AES/ECB/NoPadding} over counter blocks in a reused buffer, and
 *       HMAC-SHA1 (RFC 2104) over a reused SHA-1 {@code MessageDigest}: zero bytes allocated per
 *       packet. {@code AES/CTR} would need {@code Cipher.init} per packet (112 B/op measured) and
 *       {@code Mac.doFinal} allocates its result (40 B/op).
 *   <li>AES-GCM re-initialises the JCE cipher per packet (the only way to give it a new IV); the
 *       JDK 17 GCM engine rebuilt at each init costs about 1.1 KB per packet (see {@code
 *       AesGcmTransform}; measured in sfu-bench). Still the faster profile per packet.
 *   <li>Per-SSRC state: at most 64 SSRCs per context and protocol; 128-index replay window; state
 *       is created or advanced only after the packet authenticates.
 *   <li>The SRTCP index we send starts at 0 per SSRC (RFC 3711 §3.4); no MKI (WebRTC never uses
 *       one); key derivation rate 0 (RFC 5764 §4.1.2).
 * </ul>
 */
package dev.sfumato.engine.srtp;
