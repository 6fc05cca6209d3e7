/**
 * Observers of a router's media: the audio-level observer (RFC 6464 client-to-mixer levels) that
 * decides who is speaking. Each producer that negotiated the audio-level extension feeds an {@link
 * dev.sfumato.engine.observer.AudioLevelMeter} on the packet path (no allocation: three counters);
 * the router's {@link dev.sfumato.engine.observer.SpeakerObserver} reads and resets the meters once
 * per window on the worker's timer and reports changes. Confined to the worker thread.
 */
package dev.sfumato.engine.observer;
