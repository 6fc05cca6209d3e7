package dev.sfumato.signal.twirp;

import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Writes Twirp error bodies. Always {@code application/json}, exactly: the LiveKit server SDKs only
 * read the error code when the content type is that string.
 */
public final class TwirpErrors {
  private TwirpErrors() {}

  public static Response response(TwirpException e) {
    String body =
        Json.createObjectBuilder()
            .add("code", e.code().wireName())
            .add("msg", e.getMessage() == null ? "" : e.getMessage())
            .build()
            .toString();
    return Response.status(e.httpStatus())
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(body)
        .build();
  }
}
