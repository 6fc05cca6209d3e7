package dev.sfumato.persistence.room;

import static dev.sfumato.persistence.room.RoomColumns.METADATA_MAX_LENGTH;
import static dev.sfumato.persistence.room.RoomColumns.NAME_MAX_LENGTH;
import static dev.sfumato.persistence.room.RoomColumns.SID_MAX_LENGTH;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The durable half of a LiveKit room: what {@code CreateRoom} configured and {@code
 * UpdateRoomMetadata} changed, kept across restarts and shared by the nodes of a cluster.
 * Participants, tracks and the room's live state are not here; they live in memory beside the media
 * engine.
 *
 * <p>A room is identified by its name (unique, what clients join by) and, for webhooks and logs, by
 * a server-generated SID. Concurrent updates from two nodes are caught by the {@link Version}
 * column: the second writer gets an {@code OptimisticLockException} rather than silently undoing
 * the first.
 */
@Entity
@Table(name = "room_definition")
public class RoomDefinition {

  // Must match INCREMENT BY of room_definition_seq in V1__room_definitions.sql.
  private static final int ID_ALLOCATION_SIZE = 50;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "room_definition_seq")
  @SequenceGenerator(
      name = "room_definition_seq",
      sequenceName = "room_definition_seq",
      allocationSize = ID_ALLOCATION_SIZE)
  @Column(name = "id", nullable = false, updatable = false)
  private Long id;

  @Column(name = "name", nullable = false, updatable = false, length = NAME_MAX_LENGTH)
  private String name;

  @Column(name = "sid", nullable = false, updatable = false, length = SID_MAX_LENGTH)
  private String sid;

  /** Seconds a room may stay empty before it is closed. */
  @Column(name = "empty_timeout", nullable = false)
  private int emptyTimeout;

  /** Seconds a room stays open after its last participant left. */
  @Column(name = "departure_timeout", nullable = false)
  private int departureTimeout;

  /** 0 means no limit, as in LiveKit. */
  @Column(name = "max_participants", nullable = false)
  private int maxParticipants;

  @Column(name = "metadata", length = METADATA_MAX_LENGTH)
  private String metadata;

  @Column(name = "creation_time", nullable = false, updatable = false)
  private Instant creationTime;

  // Eager: the codec list is part of the aggregate and is read after the transaction has ended
  // (the EJB returns detached rooms). The repository's queries fetch-join it to avoid N+1 selects.
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(
      name = "room_definition_codec",
      joinColumns = @JoinColumn(name = "room_id", nullable = false))
  @OrderColumn(name = "codec_order", nullable = false)
  private List<CodecSetting> enabledCodecs = new ArrayList<>();

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  /** For JPA only. */
  protected RoomDefinition() {}

  private RoomDefinition(String name, String sid, Instant creationTime) {
    this.name = name;
    this.sid = sid;
    this.creationTime = creationTime;
    this.metadata = "";
  }

  /**
   * A new, not yet saved room with a fresh SID. The creation time is kept to the millisecond, the
   * precision of the column and of LiveKit's {@code creation_time_ms}.
   */
  public static RoomDefinition create(
      String name,
      int emptyTimeoutSeconds,
      int departureTimeoutSeconds,
      int maxParticipants,
      Instant creationTime) {
    RoomDefinition room =
        new RoomDefinition(
            checkName(name),
            RoomSids.next(),
            Objects.requireNonNull(creationTime, "creationTime").truncatedTo(ChronoUnit.MILLIS));
    room.setEmptyTimeout(emptyTimeoutSeconds);
    room.setDepartureTimeout(departureTimeoutSeconds);
    room.setMaxParticipants(maxParticipants);
    return room;
  }

  /** Null until the room is first saved. */
  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getSid() {
    return sid;
  }

  public int getEmptyTimeout() {
    return emptyTimeout;
  }

  public void setEmptyTimeout(int seconds) {
    this.emptyTimeout = checkNotNegative(seconds, "emptyTimeout");
  }

  public int getDepartureTimeout() {
    return departureTimeout;
  }

  public void setDepartureTimeout(int seconds) {
    this.departureTimeout = checkNotNegative(seconds, "departureTimeout");
  }

  public int getMaxParticipants() {
    return maxParticipants;
  }

  public void setMaxParticipants(int maxParticipants) {
    this.maxParticipants = checkNotNegative(maxParticipants, "maxParticipants");
  }

  /** Never null: a room without metadata has "", as in LiveKit's protocol. */
  public String getMetadata() {
    return metadata == null ? "" : metadata;
  }

  public void setMetadata(String metadata) {
    String value = metadata == null ? "" : metadata;
    if (value.length() > METADATA_MAX_LENGTH) {
      throw new IllegalArgumentException(
          "metadata longer than " + METADATA_MAX_LENGTH + " characters: " + value.length());
    }
    this.metadata = value;
  }

  public Instant getCreationTime() {
    return creationTime;
  }

  /** In the order the room offers them; unmodifiable. */
  public List<CodecSetting> getEnabledCodecs() {
    return List.copyOf(enabledCodecs);
  }

  public void setEnabledCodecs(List<CodecSetting> codecs) {
    List<CodecSetting> copy = List.copyOf(codecs); // rejects null elements before we clear
    // Keep Hibernate's collection instance: replacing it would orphan its change tracking.
    enabledCodecs.clear();
    enabledCodecs.addAll(copy);
  }

  /** Bumped by every committed update; 0 until the first save. */
  public long getVersion() {
    return version;
  }

  @Override
  public String toString() {
    return "RoomDefinition[name=" + name + ", sid=" + sid + ", version=" + version + "]";
  }

  private static String checkName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("room name is blank");
    }
    if (name.length() > NAME_MAX_LENGTH) {
      throw new IllegalArgumentException(
          "room name longer than " + NAME_MAX_LENGTH + " characters: " + name.length());
    }
    return name;
  }

  private static int checkNotNegative(int value, String what) {
    if (value < 0) {
      throw new IllegalArgumentException(what + " is negative: " + value);
    }
    return value;
  }
}
