package dev.sfumato.rooms.live;

/**
 * A signal connection's handle on its participant, returned by {@link LiveRooms#join}. The web
 * layer keeps it per WebSocket and passes it back with each request.
 */
public final class LiveSession {
  final Room room;
  final Participant participant;

  LiveSession(Room room, Participant participant) {
    this.room = room;
    this.participant = participant;
  }

  public String roomName() {
    return room.name;
  }

  public String participantSid() {
    return participant.sid;
  }

  public String identity() {
    return participant.identity;
  }
}
