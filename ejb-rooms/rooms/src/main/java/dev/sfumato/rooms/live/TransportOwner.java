package dev.sfumato.rooms.live;

/** Whose an engine transport is: engine events name transports, the room layer participants. */
record TransportOwner(Room room, Participant participant) {}
