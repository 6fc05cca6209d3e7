package dev.sfumato.rooms.webrtc;

/**
 * The answer to an ICE restart request (RFC 9725 §4.4.1): the server's new ICE credentials and
 * candidates as an SDP fragment, and the session's new entity tag.
 */
public record IceRestartAnswer(String sdpFragment, String etag) {}
