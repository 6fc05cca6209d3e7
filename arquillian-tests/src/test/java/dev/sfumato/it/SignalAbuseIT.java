package dev.sfumato.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.InvalidProtocolBufferException;
import io.livekit.server.RoomJoin;
import io.livekit.server.RoomName;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import livekit.LivekitModels;
import livekit.LivekitRtc.Ping;
import livekit.LivekitRtc.SessionDescription;
import livekit.LivekitRtc.SignalRequest;
import livekit.LivekitRtc.SignalResponse;
import livekit.LivekitRtc.TrickleRequest;
import livekit.LivekitRtc.UpdateSubscription;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import retrofit2.Response;

/**
 * Bad input on the LiveKit signal WebSocket ({@code /rtc}, protocol v0): each abuser is cut off
 * with the close code the endpoint documents, or ignored, while a well-behaved participant in the
 * same room keeps its session throughout.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignalAbuseIT {
  private static final String ROOM = "abuse-" + UUID.randomUUID();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ScheduledExecutorService PINGER =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "signal-abuse-pinger");
            t.setDaemon(true);
            return t;
          });

  /** The good participant: joins first, pings as livekit-client does, stays to the end. */
  private static Signal alice;

  @ArquillianResource private ContainerController controller;
  @ArquillianResource private Deployer deployer;

  @Deployment(name = Server.DEPLOYMENT, managed = false, testable = false)
  static EnterpriseArchive ear() {
    return Server.ear();
  }

  @BeforeEach
  void server() {
    Server.ensureRunning(controller, deployer);
  }

  @AfterAll
  static void leave() {
    PINGER.shutdownNow();
    if (alice != null) {
      alice.ws.abort();
    }
  }

  @Test
  @Order(1)
  void aGoodParticipantJoinsAndGetsItsJoinResponseAtOnce() throws Exception {
    alice = Signal.open("/rtc", token("alice"));
    SignalResponse first = alice.next();
    assertThat(first.getMessageCase()).isEqualTo(SignalResponse.MessageCase.JOIN);
    assertThat(first.getJoin().getParticipant().getIdentity()).isEqualTo("alice");
    assertThat(first.getJoin().getRoom().getName()).isEqualTo(ROOM);
    // livekit-client pings every ping_interval seconds; without it the server ends the session.
    PINGER.scheduleAtFixedRate(
        () -> alice.sendQuietly(ping(System.currentTimeMillis())), 2, 2, TimeUnit.SECONDS);
    assertPongs(alice);
  }

  @Test
  @Order(2)
  void garbageBytesCloseWith1007() throws Exception {
    Signal bob = joined("bob");
    bob.send(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f});
    assertThat(bob.awaitClose()).isEqualTo(1007);
  }

  @Test
  @Order(3)
  void aTruncatedSignalRequestClosesWith1007() throws Exception {
    Signal carol = joined("carol");
    byte[] offer =
        SignalRequest.newBuilder()
            .setOffer(SessionDescription.newBuilder().setType("offer").setSdp("v=0\r\n".repeat(50)))
            .build()
            .toByteArray();
    carol.send(Arrays.copyOf(offer, offer.length / 2));
    assertThat(carol.awaitClose()).isEqualTo(1007);
  }

  @Test
  @Order(4)
  void aFrameOver256KiBClosesWith1009() throws Exception {
    Signal dave = joined("dave");
    byte[] big =
        SignalRequest.newBuilder()
            .setOffer(SessionDescription.newBuilder().setSdp("a".repeat(300 * 1024)))
            .build()
            .toByteArray();
    dave.sendQuietly(big);
    assertThat(dave.awaitClose()).isEqualTo(1009);
  }

  @Test
  @Order(5)
  void aFloodOfPingsClosesWith1008() throws Exception {
    Signal erin = joined("erin");
    for (int i = 0; i < 1000 && !erin.closed.isDone(); i++) {
      erin.sendQuietly(ping(i));
    }
    assertThat(erin.awaitClose()).isEqualTo(1008);
    assertThat(erin.closeReason).contains("too many");
  }

  @Test
  @Order(6)
  void textFramesCloseWith1003() throws Exception {
    Signal gina = joined("gina");
    gina.ws.sendText("{\"ping\":1}", true).get(5, TimeUnit.SECONDS);
    assertThat(gina.awaitClose()).isEqualTo(1003);
  }

  @Test
  @Order(7)
  void requestsOutOfOrderAreIgnored() throws Exception {
    Signal frank = joined("frank");
    frank.send(
        SignalRequest.newBuilder()
            .setAnswer(SessionDescription.newBuilder().setType("answer").setSdp("v=0\r\n").setId(3))
            .build());
    frank.send(
        SignalRequest.newBuilder()
            .setTrickle(
                TrickleRequest.newBuilder()
                    .setCandidateInit(
                        "{\"candidate\":\"candidate:1 1 udp 1 127.0.0.1 9 typ host\"}"))
            .build());
    frank.send(
        SignalRequest.newBuilder()
            .setSubscription(
                UpdateSubscription.newBuilder().addTrackSids("TR_nosuchtrack0").setSubscribe(true))
            .build());
    frank.send(
        SignalRequest.newBuilder()
            .setOffer(
                SessionDescription.newBuilder()
                    .setType("offer")
                    .setSdp("this is not SDP at all\r\nm=nonsense\r\n")
                    .setId(1))
            .build());
    assertPongs(frank);
    assertThat(frank.closed).isNotDone();
    frank.ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
  }

  @Test
  @Order(8)
  void aBadTokenIsRefusedWith401OnTheUpgradeAndByValidate() throws Exception {
    String bad = token("mallory").replaceFirst(".$", "x") + "x";
    assertThatThrownBy(() -> Signal.open("/rtc", bad))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOfSatisfying(
            WebSocketHandshakeException.class,
            e -> assertThat(e.getResponse().statusCode()).isEqualTo(401));

    HttpResponse<String> validate = Server.get("/rtc/validate?access_token=" + enc(bad), null);
    assertThat(validate.statusCode()).isEqualTo(401);
    assertThat(validate.body()).contains("invalid token");

    HttpResponse<String> none = Server.get("/rtc/validate", null);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.body()).isNotBlank();
  }

  @Test
  @Order(9)
  void v1ValidateAcceptsAGoodToken() throws Exception {
    HttpResponse<String> ok =
        Server.get("/rtc/v1/validate?access_token=" + enc(token("harry")), null);
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).isEqualTo("success");
  }

  @Test
  @Order(10)
  void theGoodParticipantStillAnswersPings() throws Exception {
    assertThat(alice).as("alice joined in the first test").isNotNull();
    assertThat(alice.closed).isNotDone();
    assertPongs(alice);
  }

  @Test
  @Order(11)
  void theRoomServiceStillListsTheGoodParticipant() throws Exception {
    Response<List<LivekitModels.ParticipantInfo>> listed =
        Server.roomService().listParticipants(ROOM).execute();
    assertThat(listed.code()).isEqualTo(200);
    assertThat(listed.body())
        .extracting(LivekitModels.ParticipantInfo::getIdentity)
        .contains("alice")
        .doesNotContain("bob", "carol", "dave", "erin");
  }

  // ---- helpers ----

  private static String token(String identity) {
    return Server.participantToken(identity, new RoomJoin(true), new RoomName(ROOM));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static SignalRequest ping(long timestamp) {
    return SignalRequest.newBuilder().setPingReq(Ping.newBuilder().setTimestamp(timestamp)).build();
  }

  /** Opens a v0 signal connection and waits for its join response. */
  private static Signal joined(String identity) throws Exception {
    Signal s = Signal.open("/rtc", token(identity));
    assertThat(s.next().getMessageCase()).isEqualTo(SignalResponse.MessageCase.JOIN);
    return s;
  }

  /** A ping with a fresh timestamp is answered by a pong_resp that echoes it. */
  private static void assertPongs(Signal s) throws Exception {
    long stamp = System.nanoTime();
    s.send(ping(stamp));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      SignalResponse r = s.messages.poll(250, TimeUnit.MILLISECONDS);
      if (r != null && r.hasPongResp() && r.getPongResp().getLastPingTimestamp() == stamp) {
        return;
      }
    }
    throw new AssertionError("no pong_resp for ping " + stamp);
  }

  /** One signal WebSocket: binary frames parsed as SignalResponses, and how it was closed. */
  static final class Signal implements WebSocket.Listener {
    final BlockingQueue<SignalResponse> messages = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    volatile String closeReason = "";
    WebSocket ws;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

    static Signal open(String path, String token) throws Exception {
      Signal s = new Signal();
      URI uri =
          URI.create(
              "ws://127.0.0.1:"
                  + Server.HTTP_PORT
                  + path
                  + "?access_token="
                  + enc(token)
                  + "&auto_subscribe=1&sdk=js&version=2.23.0&protocol=16");
      s.ws =
          HTTP.newWebSocketBuilder()
              .connectTimeout(Duration.ofSeconds(5))
              .buildAsync(uri, s)
              .get(10, TimeUnit.SECONDS);
      return s;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
      byte[] b = new byte[data.remaining()];
      data.get(b);
      partial.writeBytes(b);
      if (last) {
        try {
          messages.add(SignalResponse.parseFrom(partial.toByteArray()));
        } catch (InvalidProtocolBufferException e) {
          closed.completeExceptionally(e);
        }
        partial.reset();
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
      closeReason = reason;
      closed.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      closed.completeExceptionally(error);
    }

    SignalResponse next() throws InterruptedException {
      SignalResponse r = messages.poll(10, TimeUnit.SECONDS);
      if (r == null) {
        throw new AssertionError("no signal message within 10 s");
      }
      return r;
    }

    void send(SignalRequest request) throws Exception {
      send(request.toByteArray());
    }

    synchronized void send(byte[] frame) throws Exception {
      ws.sendBinary(ByteBuffer.wrap(frame), true).get(10, TimeUnit.SECONDS);
    }

    /** Sends, ignoring a failure because the server has closed the connection meanwhile. */
    void sendQuietly(SignalRequest request) {
      sendQuietly(request.toByteArray());
    }

    void sendQuietly(byte[] frame) {
      try {
        send(frame);
      } catch (Exception e) {
        // closed by the server: the close code is what the test checks
      }
    }

    int awaitClose() throws Exception {
      try {
        return closed.get(15, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        throw new AssertionError("connection failed instead of closing", e.getCause());
      }
    }
  }
}
