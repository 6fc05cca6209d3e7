/**
 * The JCA 2.1 shell around the media engine: {@link dev.sfumato.ra.SfuResourceAdapter} starts the
 * engine on WorkManager threads; package {@code outbound} gives EJBs an {@link
 * dev.sfumato.ra.api.SfuConnection} (the control channel), package {@code inbound} delivers engine
 * events to message-driven beans implementing {@link
 * dev.sfumato.ra.api.EngineEventMessageListener}.
 *
 * <p>Decisions: no transactions (the engine is not transactional, ra.xml says NoTransaction); a
 * connection is a thin handle on the single engine, so matching any pooled managed connection is
 * correct; control stages are re-completed on a WorkManager thread so application callbacks never
 * run on, or stall, a media loop.
 */
package dev.sfumato.ra;
