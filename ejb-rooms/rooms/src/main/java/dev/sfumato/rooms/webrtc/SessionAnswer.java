package dev.sfumato.rooms.webrtc;

/**
 * A WHIP or WHEP session the server accepted: its id (the last segment of the session URL), the SDP
 * answer and the entity tag of the session's current ICE state (RFC 9725 §4.3.1).
 */
public record SessionAnswer(String sessionId, String answerSdp, String etag) {}
