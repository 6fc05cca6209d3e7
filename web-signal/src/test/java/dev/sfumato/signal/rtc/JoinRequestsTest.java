package dev.sfumato.signal.rtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;
import livekit.LivekitRtc.JoinRequest;
import livekit.LivekitRtc.SessionDescription;
import livekit.LivekitRtc.WrappedJoinRequest;
import org.junit.jupiter.api.Test;

/** v1's {@code join_request} parameter as livekit-client builds it, and every way it can be bad. */
class JoinRequestsTest {
  private static final JoinRequest REQUEST =
      JoinRequest.newBuilder()
          .setPublisherOffer(
              SessionDescription.newBuilder().setType("offer").setSdp("v=0\r\n").setId(1))
          .setReconnect(false)
          .build();

  @Test
  void absentParameterIsAnEmptyJoinRequest() throws IOException {
    assertThat(JoinRequests.decode(null)).isEqualTo(JoinRequest.getDefaultInstance());
    assertThat(JoinRequests.decode("")).isEqualTo(JoinRequest.getDefaultInstance());
  }

  @Test
  void decodesAnUncompressedRequest() throws IOException {
    String param = wrap(WrappedJoinRequest.Compression.NONE, REQUEST.toByteArray());
    assertThat(JoinRequests.decode(param)).isEqualTo(REQUEST);
  }

  @Test
  void decodesAGzippedRequest() throws IOException {
    String param = wrap(WrappedJoinRequest.Compression.GZIP, gzip(REQUEST.toByteArray()));
    assertThat(JoinRequests.decode(param)).isEqualTo(REQUEST);
  }

  @Test
  void acceptsBase64urlWithOrWithoutPadding() throws IOException {
    String param = wrap(WrappedJoinRequest.Compression.NONE, REQUEST.toByteArray());
    assertThat(JoinRequests.decode(param.replace("=", ""))).isEqualTo(REQUEST);
    assertThat(JoinRequests.decode(" " + param + " ")).isEqualTo(REQUEST);
  }

  @Test
  void refusesWhatIsNotBase64url() {
    assertThatThrownBy(() -> JoinRequests.decode("not base64!"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("base64url");
  }

  @Test
  void refusesGarbageBytes() {
    String garbage =
        Base64.getUrlEncoder()
            .encodeToString("\u00ff\u00ff\u00ff\u00ff".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> JoinRequests.decode(garbage)).isInstanceOf(IOException.class);
  }

  @Test
  void refusesAWrapperWhoseContentIsNotAJoinRequest() {
    String param = wrap(WrappedJoinRequest.Compression.NONE, new byte[] {(byte) 0xff, 1, 2});
    assertThatThrownBy(() -> JoinRequests.decode(param))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not a JoinRequest");
  }

  @Test
  void refusesBrokenGzip() {
    String param = wrap(WrappedJoinRequest.Compression.GZIP, REQUEST.toByteArray());
    assertThatThrownBy(() -> JoinRequests.decode(param)).isInstanceOf(IOException.class);
    byte[] cut = gzip(REQUEST.toByteArray());
    String truncated =
        wrap(WrappedJoinRequest.Compression.GZIP, java.util.Arrays.copyOf(cut, cut.length / 2));
    assertThatThrownBy(() -> JoinRequests.decode(truncated)).isInstanceOf(IOException.class);
  }

  @Test
  void refusesAGzipThatInflatesBeyondTheCap() {
    // 4 MiB of zeros compress to a few KiB: a small parameter must not become a large allocation.
    byte[] bomb = gzip(new byte[4 * 1024 * 1024]);
    assertThat(bomb.length).isLessThan(8 * 1024);
    String param = wrap(WrappedJoinRequest.Compression.GZIP, bomb);
    assertThatThrownBy(() -> JoinRequests.decode(param))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("larger than " + JoinRequests.MAX_JOIN_REQUEST_BYTES);
  }

  @Test
  void acceptsAGzippedRequestOfExactlyTheCap() throws IOException {
    JoinRequest big =
        JoinRequest.newBuilder()
            .setPublisherOffer(SessionDescription.newBuilder().setSdp("x".repeat(1000)))
            .build();
    byte[] bytes = big.toByteArray();
    assertThat(bytes.length).isLessThan(JoinRequests.MAX_JOIN_REQUEST_BYTES);
    assertThat(JoinRequests.decode(wrap(WrappedJoinRequest.Compression.GZIP, gzip(bytes))))
        .isEqualTo(big);
  }

  @Test
  void refusesAnUnknownCompression() {
    byte[] wrapped =
        WrappedJoinRequest.newBuilder()
            .setCompressionValue(7)
            .setJoinRequest(REQUEST.toByteString())
            .build()
            .toByteArray();
    assertThatThrownBy(() -> JoinRequests.decode(Base64.getUrlEncoder().encodeToString(wrapped)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("compression 7");
  }

  /** What livekit-client puts in the URL: base64url of the wrapper, with padding. */
  static String wrap(WrappedJoinRequest.Compression compression, byte[] content) {
    byte[] wrapped =
        WrappedJoinRequest.newBuilder()
            .setCompression(compression)
            .setJoinRequest(ByteString.copyFrom(content))
            .build()
            .toByteArray();
    return Base64.getUrlEncoder().encodeToString(wrapped);
  }

  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
