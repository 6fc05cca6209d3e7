/**
 * The engine's public control and event vocabulary: ids and parameters are validated records,
 * events a sealed hierarchy, failures {@link dev.sfumato.engine.api.EngineException}s with a code.
 * Nothing here knows about rooms, SDP or Jakarta EE.
 */
package dev.sfumato.engine.api;
