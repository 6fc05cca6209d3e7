/**
 * The media engine, mediasoup's worker in Java: {@link dev.sfumato.engine.Engine} runs N
 * single-threaded workers (package {@code worker}), each owning one non-blocking UDP socket
 * (package {@code net}) and the routers pinned to it (package {@code forward}).
 *
 * <p>Plain Java, no Jakarta imports: threads come through a {@link dev.sfumato.engine.LoopLauncher}
 * (the JCA WorkManager in the server, plain threads in tests), events leave through an {@link
 * dev.sfumato.engine.api.EngineEventListener}.
 *
 * <p>Decisions: one UDP port per worker ({@code basePort + workerId}), advertised later as that
 * worker's host candidate; a router's worker is the one with the fewest routers at creation time;
 * control stages complete on the worker thread (callers attach dependents with an executor).
 *
 * <p>Libraries and our own code. DTLS uses Bouncy Castle (bctls): a handshake is rare, complex and
 * security-critical, exactly what a well-kept library is for. Everything per packet is our own
 * code, because the Java libraries there do not fit this engine's two rules — every thread comes
 * from the JCA WorkManager, and the forwarding path allocates nothing per packet:
 *
 * <ul>
 *   <li>ice4j (Jitsi) owns its sockets and harvesting threads and wraps each datagram in objects;
 *       an ICE-lite responder is a small state machine over the worker's own socket.
 *   <li>jitsi-srtp works on Jitsi's packet classes and pulls in Jitsi's utility stack; our SRTP is
 *       in place over {@code (byte[], offset, length)} on the JCE (AES-NI), and measured in
 *       sfu-bench against the raw JCE operations.
 *   <li>No maintained Java library parses RTP/RTCP as zero-copy views; the formats are short RFCs.
 * </ul>
 *
 * Each protocol package is tested against its RFC's vectors and fuzzed (Jazzer, corpora kept).
 */
package dev.sfumato.engine;
