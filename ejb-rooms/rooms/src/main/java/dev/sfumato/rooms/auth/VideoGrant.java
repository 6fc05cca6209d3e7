package dev.sfumato.rooms.auth;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code video} claim of a LiveKit access token: what its holder may do with rooms. Component
 * names are LiveKit's JSON names ({@code github.com/livekit/protocol/auth/grants.go}).
 *
 * <p>Where LiveKit distinguishes "unset" from {@code false} the component is a nullable {@link
 * Boolean}; use the {@code ...OrDefault()} accessors for the effective permission, which apply
 * LiveKit's defaults: publish and subscribe are allowed unless denied, publishing data follows
 * publishing, updating one's own metadata and subscribing to metrics are denied unless granted.
 *
 * <p>{@code room} and {@code destinationRoom} are empty, never null, when unset. {@code
 * canPublishSources} is never null; empty means every source may be published. Unknown source names
 * are kept rather than refused, as LiveKit does, so tokens from newer SDKs still verify; they
 * simply match no track source.
 */
public record VideoGrant(
    boolean roomCreate,
    boolean roomList,
    boolean roomRecord,
    boolean roomAdmin,
    boolean roomJoin,
    String room,
    Boolean canPublish,
    Boolean canSubscribe,
    Boolean canPublishData,
    List<String> canPublishSources,
    Boolean canUpdateOwnMetadata,
    boolean ingressAdmin,
    boolean hidden,
    boolean recorder,
    boolean agent,
    Boolean canSubscribeMetrics,
    String destinationRoom) {

  public static final String SOURCE_CAMERA = "camera";
  public static final String SOURCE_MICROPHONE = "microphone";
  public static final String SOURCE_SCREEN_SHARE = "screen_share";
  public static final String SOURCE_SCREEN_SHARE_AUDIO = "screen_share_audio";

  /** The track sources LiveKit names in {@code canPublishSources}. */
  public static final Set<String> KNOWN_SOURCES =
      Set.of(SOURCE_CAMERA, SOURCE_MICROPHONE, SOURCE_SCREEN_SHARE, SOURCE_SCREEN_SHARE_AUDIO);

  private static final VideoGrant EMPTY = builder().build();

  public VideoGrant {
    room = room == null ? "" : room;
    destinationRoom = destinationRoom == null ? "" : destinationRoom;
    // List.copyOf refuses null elements: a source is a name, never null.
    canPublishSources = canPublishSources == null ? List.of() : List.copyOf(canPublishSources);
  }

  /** A grant with nothing set: no room permissions, LiveKit defaults for the rest. */
  public static VideoGrant empty() {
    return EMPTY;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** True if nothing is set; such a grant is left out of minted tokens. */
  public boolean isEmpty() {
    return equals(EMPTY);
  }

  /** {@code canPublish}, true when unset. */
  public boolean canPublishOrDefault() {
    return canPublish == null || canPublish;
  }

  /** {@code canSubscribe}, true when unset. */
  public boolean canSubscribeOrDefault() {
    return canSubscribe == null || canSubscribe;
  }

  /**
   * {@code canPublishData}; when unset it follows {@link #canPublishOrDefault()}, as in LiveKit.
   */
  public boolean canPublishDataOrDefault() {
    return canPublishData == null ? canPublishOrDefault() : canPublishData;
  }

  /** {@code canUpdateOwnMetadata}, false when unset (LiveKit: "by default, not allowed"). */
  public boolean canUpdateOwnMetadataOrDefault() {
    return canUpdateOwnMetadata != null && canUpdateOwnMetadata;
  }

  /** {@code canSubscribeMetrics}, false when unset. */
  public boolean canSubscribeMetricsOrDefault() {
    return canSubscribeMetrics != null && canSubscribeMetrics;
  }

  /**
   * Whether a track from {@code source} (e.g. {@link #SOURCE_CAMERA}) may be published: publishing
   * must be allowed and, if {@code canPublishSources} is not empty, list the source.
   */
  public boolean canPublishSource(String source) {
    return canPublishOrDefault()
        && (canPublishSources.isEmpty() || canPublishSources.contains(source));
  }

  /** Mutable builder; every setter mirrors the component of the same name. */
  public static final class Builder {
    private boolean roomCreate;
    private boolean roomList;
    private boolean roomRecord;
    private boolean roomAdmin;
    private boolean roomJoin;
    private String room = "";
    private Boolean canPublish;
    private Boolean canSubscribe;
    private Boolean canPublishData;
    private List<String> canPublishSources = List.of();
    private Boolean canUpdateOwnMetadata;
    private boolean ingressAdmin;
    private boolean hidden;
    private boolean recorder;
    private boolean agent;
    private Boolean canSubscribeMetrics;
    private String destinationRoom = "";

    private Builder() {}

    private Builder(VideoGrant g) {
      roomCreate = g.roomCreate;
      roomList = g.roomList;
      roomRecord = g.roomRecord;
      roomAdmin = g.roomAdmin;
      roomJoin = g.roomJoin;
      room = g.room;
      canPublish = g.canPublish;
      canSubscribe = g.canSubscribe;
      canPublishData = g.canPublishData;
      canPublishSources = g.canPublishSources;
      canUpdateOwnMetadata = g.canUpdateOwnMetadata;
      ingressAdmin = g.ingressAdmin;
      hidden = g.hidden;
      recorder = g.recorder;
      agent = g.agent;
      canSubscribeMetrics = g.canSubscribeMetrics;
      destinationRoom = g.destinationRoom;
    }

    public Builder roomCreate(boolean value) {
      roomCreate = value;
      return this;
    }

    public Builder roomList(boolean value) {
      roomList = value;
      return this;
    }

    public Builder roomRecord(boolean value) {
      roomRecord = value;
      return this;
    }

    public Builder roomAdmin(boolean value) {
      roomAdmin = value;
      return this;
    }

    public Builder roomJoin(boolean value) {
      roomJoin = value;
      return this;
    }

    public Builder room(String value) {
      room = value;
      return this;
    }

    /** {@code null} means unset. */
    public Builder canPublish(Boolean value) {
      canPublish = value;
      return this;
    }

    /** {@code null} means unset. */
    public Builder canSubscribe(Boolean value) {
      canSubscribe = value;
      return this;
    }

    /** {@code null} means unset. */
    public Builder canPublishData(Boolean value) {
      canPublishData = value;
      return this;
    }

    public Builder canPublishSources(List<String> value) {
      canPublishSources = Objects.requireNonNull(value, "canPublishSources");
      return this;
    }

    public Builder canPublishSources(String... value) {
      return canPublishSources(List.of(value));
    }

    /** {@code null} means unset. */
    public Builder canUpdateOwnMetadata(Boolean value) {
      canUpdateOwnMetadata = value;
      return this;
    }

    public Builder ingressAdmin(boolean value) {
      ingressAdmin = value;
      return this;
    }

    public Builder hidden(boolean value) {
      hidden = value;
      return this;
    }

    public Builder recorder(boolean value) {
      recorder = value;
      return this;
    }

    public Builder agent(boolean value) {
      agent = value;
      return this;
    }

    /** {@code null} means unset. */
    public Builder canSubscribeMetrics(Boolean value) {
      canSubscribeMetrics = value;
      return this;
    }

    public Builder destinationRoom(String value) {
      destinationRoom = value;
      return this;
    }

    public VideoGrant build() {
      return new VideoGrant(
          roomCreate,
          roomList,
          roomRecord,
          roomAdmin,
          roomJoin,
          room,
          canPublish,
          canSubscribe,
          canPublishData,
          canPublishSources,
          canUpdateOwnMetadata,
          ingressAdmin,
          hidden,
          recorder,
          agent,
          canSubscribeMetrics,
          destinationRoom);
    }
  }
}
