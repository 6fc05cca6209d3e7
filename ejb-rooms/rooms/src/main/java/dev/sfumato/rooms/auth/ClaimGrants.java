package dev.sfumato.rooms.auth;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What an access token says about its holder: LiveKit's {@code ClaimGrants} plus the registered
 * claims that matter here.
 *
 * <p>Strings are empty, never null, when unset: {@code identity} comes from {@code sub} and is
 * empty in admin tokens (RoomService calls from server SDKs carry no identity). {@code video} is
 * {@link VideoGrant#empty()} when the token has no video grant. {@code attributes} is never null
 * and unmodifiable.
 *
 * <p>{@code expiresAt}, {@code notBefore} and {@code apiKey} (the {@code iss}) are filled in by
 * {@link AccessTokenVerifier}; {@code notBefore} is null if the token has no {@code nbf}. {@link
 * AccessTokenMinter} ignores these three and sets its own, so verified grants can be minted again
 * (a token refresh).
 */
public record ClaimGrants(
    String identity,
    String name,
    String metadata,
    Map<String, String> attributes,
    VideoGrant video,
    String sha256,
    String kind,
    Instant expiresAt,
    Instant notBefore,
    String apiKey) {

  public ClaimGrants {
    identity = Objects.requireNonNullElse(identity, "");
    name = Objects.requireNonNullElse(name, "");
    metadata = Objects.requireNonNullElse(metadata, "");
    attributes = copyAttributes(attributes);
    video = Objects.requireNonNullElse(video, VideoGrant.empty());
    sha256 = Objects.requireNonNullElse(sha256, "");
    kind = Objects.requireNonNullElse(kind, "");
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .identity(identity)
        .name(name)
        .metadata(metadata)
        .attributes(attributes)
        .video(video)
        .sha256(sha256)
        .kind(kind);
  }

  private static Map<String, String> copyAttributes(Map<String, String> attributes) {
    if (attributes == null || attributes.isEmpty()) {
      return Map.of();
    }
    Map<String, String> copy = new LinkedHashMap<>();
    attributes.forEach(
        (k, v) ->
            copy.put(
                Objects.requireNonNull(k, "attribute name"),
                Objects.requireNonNull(v, "attribute value")));
    return Collections.unmodifiableMap(copy);
  }

  /** Builder for grants to mint; the time and key components are left null. */
  public static final class Builder {
    private String identity = "";
    private String name = "";
    private String metadata = "";
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private VideoGrant video = VideoGrant.empty();
    private String sha256 = "";
    private String kind = "";

    private Builder() {}

    public Builder identity(String value) {
      identity = value;
      return this;
    }

    public Builder name(String value) {
      name = value;
      return this;
    }

    public Builder metadata(String value) {
      metadata = value;
      return this;
    }

    /** Replaces all attributes. */
    public Builder attributes(Map<String, String> value) {
      attributes.clear();
      attributes.putAll(value);
      return this;
    }

    public Builder attribute(String key, String value) {
      attributes.put(key, value);
      return this;
    }

    public Builder video(VideoGrant value) {
      video = value;
      return this;
    }

    /** Base64 SHA-256 of a request body, as LiveKit webhooks use it. */
    public Builder sha256(String value) {
      sha256 = value;
      return this;
    }

    /** Participant kind as LiveKit spells it in tokens, e.g. "standard", "ingress", "agent". */
    public Builder kind(String value) {
      kind = value;
      return this;
    }

    public ClaimGrants build() {
      return new ClaimGrants(
          identity, name, metadata, attributes, video, sha256, kind, null, null, null);
    }
  }
}
