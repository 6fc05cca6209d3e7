package dev.sfumato.rooms.sdp;

import java.util.Map;

/**
 * Which way media flows in the answer. For each m= section the server receives when {@code receive}
 * is set and the offer sends, and sends when {@code senders} has a track for its mid and the offer
 * receives; the answer's direction follows (RFC 3264 §6.1).
 *
 * @param receive the server takes media the offerer sends (WHIP, LiveKit publisher)
 * @param senders per mid, the track the server sends there (WHEP, LiveKit subscriber)
 */
public record AnswerPolicy(boolean receive, Map<String, LocalSender> senders) {
  public AnswerPolicy {
    senders = Map.copyOf(senders);
  }

  /** WHIP (RFC 9725): receive only; sendonly/sendrecv offers get recvonly. */
  public static AnswerPolicy whip() {
    return new AnswerPolicy(true, Map.of());
  }

  /** WHEP: send only, one track per offered mid; recvonly/sendrecv offers get sendonly. */
  public static AnswerPolicy whep(Map<String, LocalSender> senders) {
    return new AnswerPolicy(false, senders);
  }
}
