package dev.sfumato.persistence.room;

/**
 * Column limits of the room tables, shared by the entity mapping, its argument checks and (by hand)
 * {@code db/migration/V1__room_definitions.sql}; Hibernate's {@code validate} does not compare
 * lengths, so a change here needs a new migration.
 */
public final class RoomColumns {

  /** LiveKit puts no limit on room names; 256 keeps them usable as keys and in URLs. */
  public static final int NAME_MAX_LENGTH = 256;

  /** "RM_" plus 12 base62 characters today; room for a longer format later. */
  public static final int SID_MAX_LENGTH = 32;

  /** LiveKit's default limit on room metadata is 64 KiB; we count characters. */
  public static final int METADATA_MAX_LENGTH = 65_536;

  /** RFC 6838 §4.2 allows 127 characters per type and subtype; real codec MIME types are short. */
  public static final int CODEC_MIME_MAX_LENGTH = 128;

  /** An SDP a=fmtp line for H.264 or AV1 is about 100 characters; 1024 leaves headroom. */
  public static final int CODEC_FMTP_MAX_LENGTH = 1024;

  private RoomColumns() {}
}
