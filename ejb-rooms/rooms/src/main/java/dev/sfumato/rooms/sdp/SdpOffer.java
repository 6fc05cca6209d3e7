package dev.sfumato.rooms.sdp;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An offer the server made ({@link OfferBuilder}) and what it needs to judge the answer.
 *
 * @param description the offer; {@link #sdp()} is its text
 * @param sections the RTP sections, in m= order after the data channel
 * @param dataChannel whether the first m= section is the data channel
 * @param usedMids every mid offered in this session so far, in first-use order (never reused)
 */
public record SdpOffer(
    SessionDescription description,
    List<OfferSection> sections,
    boolean dataChannel,
    Set<String> usedMids) {

  public SdpOffer {
    sections = List.copyOf(sections);
    usedMids = Collections.unmodifiableSet(new LinkedHashSet<>(usedMids));
  }

  /** The offer text, CRLF line ends, for the signal message. */
  public String sdp() {
    return description.write();
  }

  /** The o= session id (RFC 8866 §5.2), the same in every offer of a session. */
  public long sessionId() {
    return Long.parseLong(description.origin().sessionId());
  }

  /** The o= session version, one higher in each re-offer. */
  public long sessionVersion() {
    return Long.parseLong(description.origin().sessionVersion());
  }

  /**
   * Checks the peer's answer against this offer and returns what each m= section negotiated and the
   * peer's transport parameters (RFC 3264 §6, RFC 8829 §5.10, RFC 8843, RFC 8842).
   *
   * @throws SdpException naming the section and the rule when the answer does not fit the offer
   */
  public OfferOutcome accept(SessionDescription answer) {
    return new AnswerReader(this, answer).read();
  }

  /** {@link #accept(SessionDescription)} on answer text. */
  public OfferOutcome accept(String answerSdp) {
    return accept(SdpParser.parse(answerSdp));
  }
}
