/**
 * Forwarding (mediasoup's Router/Producer/Consumer): a producer per published track fans each
 * decrypted packet out to its consumers through a copy-on-write array, each consumer rewriting a
 * copy in the worker's {@link dev.sfumato.engine.forward.ForwardBuffers} and handing it to its
 * transport to protect and send. Nothing on that path allocates.
 *
 * <p>Limits, in one place: retransmission buffer 512 packets / 1 s per video encoding; keyframe
 * requests one per 500 ms per encoding; NACK towards the publisher for gaps of up to 32 packets,
 * once (no retries yet); RR to publishers and SR to subscribers every second; an encoding silent
 * for 1.5 s stops being forwarded. Simulcast: consumers follow the highest-ranked live encoding
 * (rid f > h > q, else the last listed), switching on its keyframe; bandwidth-driven layer choice,
 * VP8 picture-id rewriting, REMB/transport-cc and audio observers are later work.
 *
 * <p>Data (mediasoup's DataProducer/DataConsumer): a data producer hands each message to its data
 * consumers on the same worker, sharing the one array (SCTP only reads it); until it has a consumer
 * it keeps up to 256 messages / 1 MiB (then counted drops) for the next one. A message a consumer's
 * association refuses (full send buffer, above the peer's max-message-size) is a counted drop.
 */
package dev.sfumato.engine.forward;
