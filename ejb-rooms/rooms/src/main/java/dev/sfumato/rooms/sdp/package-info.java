/**
 * One SDP model for WHIP, WHEP and LiveKit: RFC 8866 syntax, RFC 8829 (JSEP) semantics. Plain Java,
 * no Jakarta imports, so it is unit-tested and fuzzed without a server.
 *
 * <h2>Pieces</h2>
 *
 * <ul>
 *   <li>{@link dev.sfumato.rooms.sdp.SdpParser#parse(String)} → {@link
 *       dev.sfumato.rooms.sdp.SessionDescription}, {@link
 *       dev.sfumato.rooms.sdp.SessionDescription#write()} back to text; {@code parse(write(x))
 *       .equals(x)}. Attributes are typed records of the sealed {@link
 *       dev.sfumato.rooms.sdp.Attribute}; unknown ones are kept as {@code Attribute.Other}, in
 *       order, so nothing is lost.
 *   <li>{@link dev.sfumato.rooms.sdp.AnswerBuilder} answers an offer from {@link
 *       dev.sfumato.rooms.sdp.ServerCapabilities}, the server's {@link
 *       dev.sfumato.rooms.sdp.LocalTransport} and an {@link dev.sfumato.rooms.sdp.AnswerPolicy}
 *       (WHIP receives, WHEP sends); {@link dev.sfumato.rooms.sdp.SdpAnswer} holds the answer, one
 *       {@link dev.sfumato.rooms.sdp.NegotiatedMedia} per m= section (the engine's future
 *       RtpParameters) and the offerer's {@link dev.sfumato.rooms.sdp.RemoteTransport}.
 *   <li>{@link dev.sfumato.rooms.sdp.OfferBuilder} makes the server's own offers (LiveKit v0
 *       subscriber connection: one sendonly section per {@link dev.sfumato.rooms.sdp.OfferSection},
 *       data channel first, stopped sections kept in place and recycled under new mids); {@link
 *       dev.sfumato.rooms.sdp.SdpOffer#accept} checks the answer and gives the same {@link
 *       dev.sfumato.rooms.sdp.NegotiatedMedia} and {@link dev.sfumato.rooms.sdp.RemoteTransport} in
 *       an {@link dev.sfumato.rooms.sdp.OfferOutcome}. The rules are in {@code OfferBuilder}'s
 *       class comment.
 * </ul>
 *
 * <h2>Errors</h2>
 *
 * Every problem with peer input is an {@link dev.sfumato.rooms.sdp.SdpException} (unchecked) whose
 * message names the line ("line 12: a=rtpmap payload type 300 is out of range 0..127"); the HTTP
 * layers turn it into a 400 with that message. Limits: {@link
 * dev.sfumato.rooms.sdp.SdpParser#MAX_SDP_CHARS}, {@link
 * dev.sfumato.rooms.sdp.SdpParser#MAX_LINE_CHARS}, {@link
 * dev.sfumato.rooms.sdp.SdpParser#MAX_MEDIA}, {@link
 * dev.sfumato.rooms.sdp.SdpParser#MAX_ATTRIBUTES_PER_SECTION}. Server-side misconfiguration (bad
 * capabilities, a host name as candidate address) is an {@code IllegalArgumentException}.
 *
 * <h2>Decisions</h2>
 *
 * <ul>
 *   <li>Leniency: CRLF or LF, blank lines skipped, runs of spaces between fields, values of known
 *       attributes stripped; libdatachannel's comma-separated {@code a=ice-options} and GStreamer's
 *       non-numeric mids are fine. Grammar errors in known attributes are rejected, not ignored, so
 *       a client learns what is wrong.
 *   <li>One transport: the server is ICE-lite and BUNDLE-only. The offer's first BUNDLE group
 *       decides what can be accepted; without a group only the first usable section is. The
 *       transport's remote parameters come from the first accepted mid of that group (the BUNDLE
 *       tag).
 *   <li>Every accepted section carries our port, c= line, candidates and end-of-candidates, and no
 *       bundle-only: all targeted clients (Chromium, Firefox, libdatachannel, webrtcbin, werift)
 *       take that, while an answerer's port-0 bundle-only sections are not understood everywhere.
 *   <li>Codec order in the answer is the server's preference order (the offerer sends the first
 *       one), payload types and fmtp are the offer's (our own parameters laid over Opus's). RED is
 *       kept only with the codec it wraps, RTX only with its apt codec.
 *   <li>Rejected sections: port 0, the offer's protocol and formats, {@code c=IN IP4 0.0.0.0} and
 *       the mid, outside the BUNDLE group (RFC 3264 §6, RFC 8843 §7.3.3).
 * </ul>
 */
package dev.sfumato.rooms.sdp;
