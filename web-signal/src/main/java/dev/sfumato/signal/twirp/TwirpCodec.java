package dev.sfumato.signal.twirp;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import java.nio.charset.StandardCharsets;

/**
 * The two Twirp body encodings: protobuf ({@code application/protobuf}, what the JVM server SDK
 * sends) and protobuf JSON ({@code application/json}, camelCase from the Node and Go SDKs; the
 * parser also accepts the original snake_case names and ignores unknown fields, as Twirp servers do
 * so that newer clients keep working).
 */
public enum TwirpCodec {
  PROTOBUF("application/protobuf"),
  JSON("application/json");

  private static final JsonFormat.Parser PARSER = JsonFormat.parser().ignoringUnknownFields();
  private static final JsonFormat.Printer PRINTER =
      JsonFormat.printer().alwaysPrintFieldsWithNoPresence().omittingInsignificantWhitespace();

  private final String mediaType;

  TwirpCodec(String mediaType) {
    this.mediaType = mediaType;
  }

  public String mediaType() {
    return mediaType;
  }

  /** The codec for a request's Content-Type (parameters such as charset are ignored). */
  public static TwirpCodec forContentType(String contentType) {
    if (contentType != null) {
      String base = contentType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
      if (base.equals("application/json")) {
        return JSON;
      }
      if (base.equals("application/protobuf") || base.equals("application/x-protobuf")) {
        return PROTOBUF;
      }
    }
    throw new TwirpException(
        TwirpCode.BAD_ROUTE,
        "unexpected Content-Type: "
            + contentType
            + " (use application/json or application/protobuf)");
  }

  public <B extends Message.Builder> B decode(byte[] body, B builder) {
    try {
      if (this == JSON) {
        PARSER.merge(new String(body, StandardCharsets.UTF_8), builder);
      } else {
        builder.mergeFrom(body);
      }
      return builder;
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      throw new TwirpException(
          TwirpCode.MALFORMED,
          "the " + (this == JSON ? "json" : "protobuf") + " request could not be decoded");
    }
  }

  public byte[] encode(Message message) {
    if (this == PROTOBUF) {
      return message.toByteArray();
    }
    try {
      return PRINTER.print(message).getBytes(StandardCharsets.UTF_8);
    } catch (InvalidProtocolBufferException e) {
      throw new TwirpException(TwirpCode.INTERNAL, "could not encode the response");
    }
  }
}
