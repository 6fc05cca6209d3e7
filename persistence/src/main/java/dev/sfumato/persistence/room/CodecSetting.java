package dev.sfumato.persistence.room;

import static dev.sfumato.persistence.room.RoomColumns.CODEC_FMTP_MAX_LENGTH;
import static dev.sfumato.persistence.room.RoomColumns.CODEC_MIME_MAX_LENGTH;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * One entry of a room's {@code enabled_codecs} (LiveKit's {@code Codec}): a MIME type such as
 * {@code video/VP8} and the SDP fmtp line to offer with it, empty when there is none.
 *
 * <p>A record is a valid embeddable from Hibernate 6.2 on; its fields are final, so a changed list
 * is a replaced element, which is how an element collection is written anyway.
 */
@Embeddable
public record CodecSetting(
    @Column(name = "mime", nullable = false, length = CODEC_MIME_MAX_LENGTH) String mime,
    @Column(name = "fmtp_line", nullable = false, length = CODEC_FMTP_MAX_LENGTH) String fmtpLine) {

  public CodecSetting {
    if (mime == null || mime.isBlank()) {
      throw new IllegalArgumentException("codec mime type is blank");
    }
    if (mime.length() > CODEC_MIME_MAX_LENGTH) {
      throw new IllegalArgumentException(
          "codec mime type longer than " + CODEC_MIME_MAX_LENGTH + " characters");
    }
    // LiveKit sends "" for "no fmtp"; storing "" rather than NULL keeps one spelling of absence.
    fmtpLine = fmtpLine == null ? "" : fmtpLine;
    if (fmtpLine.length() > CODEC_FMTP_MAX_LENGTH) {
      throw new IllegalArgumentException(
          "codec fmtp line longer than " + CODEC_FMTP_MAX_LENGTH + " characters");
    }
  }

  public static CodecSetting of(String mime) {
    return new CodecSetting(mime, "");
  }
}
