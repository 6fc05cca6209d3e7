package dev.sfumato.signal.twirp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import livekit.LivekitRoom;
import org.junit.jupiter.api.Test;

class TwirpCodecTest {

  @Test
  void picksTheCodecByContentTypeIgnoringParameters() {
    assertThat(TwirpCodec.forContentType("application/json; charset=utf-8"))
        .isEqualTo(TwirpCodec.JSON);
    assertThat(TwirpCodec.forContentType("Application/Protobuf")).isEqualTo(TwirpCodec.PROTOBUF);
    assertThatThrownBy(() -> TwirpCodec.forContentType("text/plain"))
        .isInstanceOfSatisfying(
            TwirpException.class, e -> assertThat(e.code()).isEqualTo(TwirpCode.BAD_ROUTE));
    assertThatThrownBy(() -> TwirpCodec.forContentType(null)).isInstanceOf(TwirpException.class);
  }

  @Test
  void readsCamelCaseAndSnakeCaseJsonAndIgnoresUnknownFields() {
    String json = "{\"name\":\"a\",\"emptyTimeout\":5,\"departure_timeout\":7,\"futureField\":1}";
    var request =
        TwirpCodec.JSON
            .decode(
                json.getBytes(StandardCharsets.UTF_8), LivekitRoom.CreateRoomRequest.newBuilder())
            .build();
    assertThat(request.getName()).isEqualTo("a");
    assertThat(request.getEmptyTimeout()).isEqualTo(5);
    assertThat(request.getDepartureTimeout()).isEqualTo(7);
  }

  @Test
  void protobufRoundTrip() {
    var request = LivekitRoom.DeleteRoomRequest.newBuilder().setRoom("r").build();
    byte[] wire = TwirpCodec.PROTOBUF.encode(request);
    assertThat(TwirpCodec.PROTOBUF.decode(wire, LivekitRoom.DeleteRoomRequest.newBuilder()).build())
        .isEqualTo(request);
  }

  @Test
  void jsonResponsesCarryFieldsWithDefaultValues() {
    String json =
        new String(
            TwirpCodec.JSON.encode(LivekitRoom.ListRoomsResponse.getDefaultInstance()),
            StandardCharsets.UTF_8);
    assertThat(json).isEqualTo("{\"rooms\":[]}");
  }

  @Test
  void garbageIsMalformed() {
    for (byte[] body :
        new byte[][] {
          "{".getBytes(StandardCharsets.UTF_8),
          "[1,2]".getBytes(StandardCharsets.UTF_8),
          "{\"name\":{}}".getBytes(StandardCharsets.UTF_8)
        }) {
      assertThatThrownBy(
              () -> TwirpCodec.JSON.decode(body, LivekitRoom.CreateRoomRequest.newBuilder()))
          .isInstanceOfSatisfying(
              TwirpException.class, e -> assertThat(e.code()).isEqualTo(TwirpCode.MALFORMED));
    }
    byte[] badVarint = {(byte) 0x08, (byte) 0xff, (byte) 0xff};
    assertThatThrownBy(
            () -> TwirpCodec.PROTOBUF.decode(badVarint, LivekitRoom.CreateRoomRequest.newBuilder()))
        .isInstanceOf(TwirpException.class);
  }

  @Test
  void bodiesOverTheLimitAreRefusedWith413() {
    assertThat(BoundedBody.read(new ByteArrayInputStream(new byte[100]), 100)).hasSize(100);
    assertThatThrownBy(() -> BoundedBody.read(new ByteArrayInputStream(new byte[101]), 100))
        .isInstanceOfSatisfying(
            TwirpException.class,
            e -> {
              assertThat(e.httpStatus()).isEqualTo(413);
              assertThat(e.code()).isEqualTo(TwirpCode.MALFORMED);
            });
  }
}
