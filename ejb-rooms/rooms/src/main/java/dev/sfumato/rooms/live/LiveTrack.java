package dev.sfumato.rooms.live;

import dev.sfumato.engine.api.MediaKind;
import dev.sfumato.engine.api.ProducerId;

/** A live published track of a room, as a WHEP viewer picks it. */
public record LiveTrack(
    String ownerIdentity, String ownerSid, String trackSid, ProducerId producer, MediaKind kind) {}
