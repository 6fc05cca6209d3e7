package dev.sfumato.rooms.live;

/**
 * Why the room did not deliver a data message (or did not deliver it to someone). Peer input never
 * throws: every message that is not forwarded is counted under one of these reasons.
 */
enum DataDrop {
  /** The sender lacks canPublishData (LiveKit drops these without a word too). */
  NOT_ALLOWED,
  /** The payload is not a livekit.DataPacket. */
  MALFORMED,
  /** A reliable packet whose sequence is not newer than the sender's last (a resume's replay). */
  OUT_OF_ORDER,
  /** A user packet whose nonce was seen among the room's last 100 (LiveKit's de-duplication). */
  DUPLICATE,
  /** A kind only the server may send (the deprecated active-speaker update). */
  SERVER_ONLY,
  /** A kind LiveKit does not forward from this sender: metrics, transcription from a non-agent. */
  NOT_FORWARDED,
  /** A message on {@code _data_track}: data tracks are not served yet. */
  DATA_TRACK,
  /** A message on a channel that is neither {@code _reliable} nor {@code _lossy}. */
  UNLABELED,
  /** A message of a data producer the room never saw open (or of a participant that left). */
  UNKNOWN_CHANNEL,
  /** A reliable message for a recipient whose channel is not open and whose queue is full. */
  QUEUE_OVERFLOW,
  /** A lossy message for a recipient without an open lossy channel. */
  NO_CHANNEL,
  /** The engine refused the send. */
  SEND_FAILED
}
