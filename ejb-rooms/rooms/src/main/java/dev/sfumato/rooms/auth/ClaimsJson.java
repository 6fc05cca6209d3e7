package dev.sfumato.rooms.auth;

import dev.sfumato.rooms.auth.TokenException.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * LiveKit's private claims ({@code name}, {@code metadata}, {@code attributes}, {@code video},
 * {@code sha256}, {@code kind}) to and from the JSON object model Nimbus parses into (maps, lists,
 * strings, booleans). {@link #encode} and {@link #decode} mirror each other.
 *
 * <p>Decoding is as strict about types as LiveKit's Go {@code encoding/json}: a claim of the wrong
 * type refuses the token. JSON {@code null} counts as unset, and unknown claims or grant fields are
 * ignored, so tokens from newer SDKs (with {@code sip}, {@code roomConfig}, ...) still verify.
 */
final class ClaimsJson {

  private ClaimsJson() {}

  /** The private claims of {@code grants}, leaving out what is unset, as the SDKs do. */
  static Map<String, Object> encode(ClaimGrants grants) {
    Map<String, Object> claims = new LinkedHashMap<>();
    putIfNotEmpty(claims, "name", grants.name());
    putIfNotEmpty(claims, "metadata", grants.metadata());
    if (!grants.attributes().isEmpty()) {
      claims.put("attributes", new LinkedHashMap<>(grants.attributes()));
    }
    if (!grants.video().isEmpty()) {
      claims.put("video", encodeVideo(grants.video()));
    }
    putIfNotEmpty(claims, "sha256", grants.sha256());
    putIfNotEmpty(claims, "kind", grants.kind());
    return claims;
  }

  static Map<String, Object> encodeVideo(VideoGrant v) {
    Map<String, Object> m = new LinkedHashMap<>();
    putIfTrue(m, "roomCreate", v.roomCreate());
    putIfTrue(m, "roomList", v.roomList());
    putIfTrue(m, "roomRecord", v.roomRecord());
    putIfTrue(m, "roomAdmin", v.roomAdmin());
    putIfTrue(m, "roomJoin", v.roomJoin());
    putIfNotEmpty(m, "room", v.room());
    putIfSet(m, "canPublish", v.canPublish());
    putIfSet(m, "canSubscribe", v.canSubscribe());
    putIfSet(m, "canPublishData", v.canPublishData());
    if (!v.canPublishSources().isEmpty()) {
      m.put("canPublishSources", new ArrayList<>(v.canPublishSources()));
    }
    putIfSet(m, "canUpdateOwnMetadata", v.canUpdateOwnMetadata());
    putIfTrue(m, "ingressAdmin", v.ingressAdmin());
    putIfTrue(m, "hidden", v.hidden());
    putIfTrue(m, "recorder", v.recorder());
    putIfTrue(m, "agent", v.agent());
    putIfSet(m, "canSubscribeMetrics", v.canSubscribeMetrics());
    putIfNotEmpty(m, "destinationRoom", v.destinationRoom());
    return m;
  }

  /**
   * Grants from the verified claims of a token; identity, times and key come from the registered
   * claims, which the caller has already checked.
   */
  static ClaimGrants decode(
      Map<String, Object> claims,
      String identity,
      Instant expiresAt,
      Instant notBefore,
      String apiKey)
      throws TokenException {
    return new ClaimGrants(
        identity,
        string(claims, "name", "name"),
        string(claims, "metadata", "metadata"),
        attributes(claims.get("attributes")),
        decodeVideo(claims.get("video")),
        string(claims, "sha256", "sha256"),
        string(claims, "kind", "kind"),
        expiresAt,
        notBefore,
        apiKey);
  }

  static VideoGrant decodeVideo(Object value) throws TokenException {
    if (value == null) {
      return VideoGrant.empty();
    }
    Map<String, Object> m = object(value, "video");
    return new VideoGrant(
        flag(m, "roomCreate"),
        flag(m, "roomList"),
        flag(m, "roomRecord"),
        flag(m, "roomAdmin"),
        flag(m, "roomJoin"),
        string(m, "room", "video.room"),
        optionalFlag(m, "canPublish"),
        optionalFlag(m, "canSubscribe"),
        optionalFlag(m, "canPublishData"),
        sources(m.get("canPublishSources")),
        optionalFlag(m, "canUpdateOwnMetadata"),
        flag(m, "ingressAdmin"),
        flag(m, "hidden"),
        flag(m, "recorder"),
        flag(m, "agent"),
        optionalFlag(m, "canSubscribeMetrics"),
        string(m, "destinationRoom", "video.destinationRoom"));
  }

  private static Map<String, String> attributes(Object value) throws TokenException {
    if (value == null) {
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : object(value, "attributes").entrySet()) {
      if (!(e.getValue() instanceof String s)) {
        throw malformed("claim 'attributes' must map names to strings");
      }
      out.put(e.getKey(), s);
    }
    return out;
  }

  private static List<String> sources(Object value) throws TokenException {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw malformed("claim 'video.canPublishSources' must be an array of strings");
    }
    List<String> out = new ArrayList<>(list.size());
    for (Object item : list) {
      if (!(item instanceof String s)) {
        throw malformed("claim 'video.canPublishSources' must be an array of strings");
      }
      out.add(s);
    }
    return out;
  }

  @SuppressWarnings("unchecked") // Nimbus parses JSON objects into Map<String, Object>
  private static Map<String, Object> object(Object value, String path) throws TokenException {
    if (!(value instanceof Map<?, ?>)) {
      throw malformed("claim '" + path + "' must be an object");
    }
    return (Map<String, Object>) value;
  }

  private static String string(Map<String, Object> m, String field, String path)
      throws TokenException {
    Object value = m.get(field);
    if (value == null) {
      return "";
    }
    if (!(value instanceof String s)) {
      throw malformed("claim '" + path + "' must be a string");
    }
    return s;
  }

  private static boolean flag(Map<String, Object> m, String field) throws TokenException {
    Boolean value = optionalFlag(m, field);
    return value != null && value;
  }

  private static Boolean optionalFlag(Map<String, Object> m, String field) throws TokenException {
    Object value = m.get(field);
    if (value == null || value instanceof Boolean) {
      return (Boolean) value;
    }
    throw malformed("claim 'video." + field + "' must be a boolean");
  }

  private static TokenException malformed(String message) {
    return new TokenException(Reason.MALFORMED, message);
  }

  private static void putIfNotEmpty(Map<String, Object> m, String name, String value) {
    if (!value.isEmpty()) {
      m.put(name, value);
    }
  }

  private static void putIfTrue(Map<String, Object> m, String name, boolean value) {
    if (value) {
      m.put(name, true);
    }
  }

  private static void putIfSet(Map<String, Object> m, String name, Boolean value) {
    if (value != null) {
      m.put(name, value);
    }
  }
}
