/**
 * ICE-lite (RFC 8445 §2.5) for the engine's transports: the SFU has a public address, so it only
 * answers the peer's connectivity checks and never sends its own.
 *
 * <p>{@link dev.sfumato.engine.ice.IceLiteAgent} is one transport's agent: it authenticates Binding
 * requests against its local credentials, learns peer-reflexive addresses, follows the peer's
 * nomination and expires consent (RFC 7675). {@link dev.sfumato.engine.ice.UfragIndex} lets a
 * worker find the agent for a request by the ufrag at the start of its USERNAME. Nothing here
 * touches a socket or a clock: the worker passes datagrams and {@code System.nanoTime()} in.
 *
 * <p>Decisions: no answers to unauthenticated requests (no 400/401, no amplification); answers
 * never longer than requests; a lite agent answers ICE-CONTROLLED with 487 since it cannot take the
 * controlling role; at most 8 peer addresses per transport, the least recently checked unselected
 * one replaced when full.
 */
package dev.sfumato.engine.ice;
