package dev.sfumato.rooms.live;

import dev.sfumato.rooms.auth.ClaimGrants;
import java.util.Map;
import livekit.LivekitRtc.JoinRequest;

/**
 * What a signal connection asks for when it opens.
 *
 * @param v1 single peer connection ({@code /rtc/v1}); false for protocol v0 ({@code /rtc})
 * @param joinRequest v1's JoinRequest (first offer, settings), or the v0 query turned into one
 * @param reconnect resume an existing participant ({@code reconnect=1})
 * @param participantSid the participant to resume
 */
public record JoinParams(
    ClaimGrants claims,
    boolean v1,
    int clientProtocol,
    boolean autoSubscribe,
    JoinRequest joinRequest,
    boolean reconnect,
    String participantSid) {

  /** The v0 query parameters ({@code auto_subscribe}, {@code reconnect}, {@code sid}, …). */
  public static JoinParams v0(ClaimGrants claims, Map<String, String> query) {
    return new JoinParams(
        claims,
        false,
        parseInt(query.get("client_protocol")),
        !"0".equals(query.get("auto_subscribe")) && !"false".equals(query.get("auto_subscribe")),
        JoinRequest.getDefaultInstance(),
        "1".equals(query.get("reconnect")) || "true".equals(query.get("reconnect")),
        query.getOrDefault("sid", ""));
  }

  /** The v1 JoinRequest (auto-subscribe defaults to on when connection settings are absent). */
  public static JoinParams v1(ClaimGrants claims, JoinRequest request, int clientProtocol) {
    boolean auto =
        !request.hasConnectionSettings() || request.getConnectionSettings().getAutoSubscribe();
    return new JoinParams(
        claims,
        true,
        clientProtocol,
        auto,
        request,
        request.getReconnect(),
        request.getParticipantSid());
  }

  private static int parseInt(String s) {
    try {
      return s == null ? 0 : Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
