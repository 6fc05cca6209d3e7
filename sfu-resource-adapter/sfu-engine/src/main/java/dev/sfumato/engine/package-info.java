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
 */
package dev.sfumato.engine;
