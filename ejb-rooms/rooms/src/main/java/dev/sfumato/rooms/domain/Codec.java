package dev.sfumato.rooms.domain;

import java.util.List;
import java.util.Objects;

/** A codec a room allows, by MIME type and optional fmtp line, as LiveKit's {@code Codec}. */
public record Codec(String mime, String fmtpLine) {
  /** What a room enables when its creator names none (LiveKit's default codec list). */
  public static final List<Codec> DEFAULTS =
      List.of(
          new Codec("audio/opus", ""),
          new Codec("audio/red", ""),
          new Codec("video/VP8", ""),
          new Codec("video/H264", ""),
          new Codec("video/VP9", ""),
          new Codec("video/AV1", ""));

  public Codec {
    Objects.requireNonNull(mime, "mime");
    if (!mime.matches("(audio|video)/[A-Za-z0-9.+-]{1,64}")) {
      throw new RoomException(RoomException.Code.INVALID_ARGUMENT, "invalid codec mime: " + mime);
    }
    fmtpLine = fmtpLine == null ? "" : fmtpLine;
    if (fmtpLine.length() > 512) {
      throw new RoomException(RoomException.Code.INVALID_ARGUMENT, "codec fmtp line too long");
    }
  }
}
