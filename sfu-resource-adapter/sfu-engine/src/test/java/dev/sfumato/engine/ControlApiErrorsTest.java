package dev.sfumato.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.sfumato.engine.api.ConsumerId;
import dev.sfumato.engine.api.DataChannelParameters;
import dev.sfumato.engine.api.DataConsumerId;
import dev.sfumato.engine.api.DataProducerId;
import dev.sfumato.engine.api.DtlsFingerprint;
import dev.sfumato.engine.api.DtlsParameters;
import dev.sfumato.engine.api.DtlsRole;
import dev.sfumato.engine.api.EngineControl;
import dev.sfumato.engine.api.EngineException;
import dev.sfumato.engine.api.EngineException.Code;
import dev.sfumato.engine.api.IceParameters;
import dev.sfumato.engine.api.ProducerId;
import dev.sfumato.engine.api.RouterId;
import dev.sfumato.engine.api.RtpCodecParameters;
import dev.sfumato.engine.api.RtpEncodingParameters;
import dev.sfumato.engine.api.RtpParameters;
import dev.sfumato.engine.api.SctpParameters;
import dev.sfumato.engine.api.TransportId;
import dev.sfumato.engine.api.WebRtcTransportInfo;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The negative cases of every {@link EngineControl} method, mediasoup style: an id the engine does
 * not know is NOT_FOUND, a missing or unusable argument INVALID_ARGUMENT, and anything after {@link
 * Engine#close()} CLOSED. Failures arrive in the returned stage; no call throws at its caller.
 */
class ControlApiErrorsTest {

  /** The objects a call may name. */
  record Ids(
      RouterId router,
      TransportId transport,
      ProducerId producer,
      ConsumerId consumer,
      TransportId sctpTransport,
      DataProducerId dataProducer,
      DataConsumerId dataConsumer) {}

  private static final Ids UNKNOWN =
      new Ids(
          new RouterId("RT_unknown"),
          new TransportId("TP_unknown"),
          new ProducerId("PR_unknown"),
          new ConsumerId("CO_unknown"),
          new TransportId("TP_unknown2"),
          new DataProducerId("DP_unknown"),
          new DataConsumerId("DC_unknown"));

  private static final Ids NULLS = new Ids(null, null, null, null, null, null, null);

  private static final DataChannelParameters NEGOTIATED =
      DataChannelParameters.reliable("negotiated").withStreamId(2);

  private static final DtlsParameters DTLS =
      new DtlsParameters(
          DtlsRole.CLIENT, List.of(DtlsFingerprint.parse("sha-256 " + "AB:".repeat(31) + "AB")));

  private static final IceParameters REMOTE_ICE =
      new IceParameters("peer", "ZYXWVUTSRQPONMLKJIHGFEDCBA");

  private Engine engine;
  private Ids real;

  @BeforeEach
  void start() throws Exception {
    EngineConfig config = new EngineConfig(1, EngineConfig.loopback(), 0, EngineConfig.loopback());
    engine = new Engine(config, new ThreadLauncher(), TestExecutors.BLOCKING, e -> {});
    engine.start();
    EngineControl c = engine.control();
    RouterId router = await(c.createRouter()).id();
    WebRtcTransportInfo pub = await(c.createWebRtcTransport(router));
    WebRtcTransportInfo sub = await(c.createWebRtcTransport(router));
    ProducerId producer = await(c.produce(pub.id(), video(1111))).id();
    ConsumerId consumer = await(c.consume(sub.id(), producer, video(2222))).id();
    // pub gets SCTP, a negotiated data producer and its loopback (DTLS role known, not connected)
    await(c.enableSctp(pub.id(), SctpParameters.DEFAULT, false));
    await(c.connectWebRtcTransport(pub.id(), null, DTLS));
    DataProducerId dataProducer = await(c.produceData(pub.id(), NEGOTIATED)).id();
    DataConsumerId dataConsumer =
        await(c.consumeData(pub.id(), dataProducer, DataChannelParameters.reliable("echo"))).id();
    real = new Ids(router, sub.id(), producer, consumer, pub.id(), dataProducer, dataConsumer);
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  private static RtpParameters video(long ssrc) {
    return new RtpParameters(
        "0",
        List.of(new RtpCodecParameters("video/VP8", 96, 90_000, 0, Map.of(), List.of())),
        List.of(),
        List.of(new RtpEncodingParameters(ssrc, "", 0)),
        "cname",
        true);
  }

  private static Arguments call(String name, BiFunction<EngineControl, Ids, CompletionStage<?>> f) {
    return arguments(name, f);
  }

  /** Every method, each with well-formed arguments naming {@code ids}. */
  static Stream<Arguments> everyCall() {
    return Stream.concat(
        Stream.of(
            call("createRouter", (c, ids) -> c.createRouter()),
            call("dump", (c, ids) -> c.dump()),
            call("injectLoss", (c, ids) -> c.injectLoss(0))),
        callsWithIds());
  }

  /** Every method that names an object. */
  static Stream<Arguments> callsWithIds() {
    return Stream.of(
        call("closeRouter", (c, ids) -> c.closeRouter(ids.router())),
        call("speakers", (c, ids) -> c.speakers(ids.router())),
        call("createWebRtcTransport", (c, ids) -> c.createWebRtcTransport(ids.router())),
        call(
            "connectWebRtcTransport",
            (c, ids) -> c.connectWebRtcTransport(ids.transport(), null, DTLS)),
        call("restartIce", (c, ids) -> c.restartIce(ids.transport())),
        call(
            "restartIce with remote credentials",
            (c, ids) -> c.restartIce(ids.transport(), REMOTE_ICE)),
        call("closeTransport", (c, ids) -> c.closeTransport(ids.transport())),
        call("transportStats", (c, ids) -> c.transportStats(ids.transport())),
        call("produce", (c, ids) -> c.produce(ids.transport(), video(3333))),
        call("pauseProducer", (c, ids) -> c.pauseProducer(ids.producer())),
        call("resumeProducer", (c, ids) -> c.resumeProducer(ids.producer())),
        call("closeProducer", (c, ids) -> c.closeProducer(ids.producer())),
        call("producerStats", (c, ids) -> c.producerStats(ids.producer())),
        call("consume", (c, ids) -> c.consume(ids.transport(), ids.producer(), video(4444))),
        call("pauseConsumer", (c, ids) -> c.pauseConsumer(ids.consumer())),
        call("resumeConsumer", (c, ids) -> c.resumeConsumer(ids.consumer())),
        call("requestKeyFrame", (c, ids) -> c.requestKeyFrame(ids.consumer())),
        call("closeConsumer", (c, ids) -> c.closeConsumer(ids.consumer())),
        call("consumerStats", (c, ids) -> c.consumerStats(ids.consumer())),
        call(
            "enableSctp", (c, ids) -> c.enableSctp(ids.transport(), SctpParameters.DEFAULT, false)),
        call("produceData", (c, ids) -> c.produceData(ids.sctpTransport(), NEGOTIATED)),
        call("closeDataProducer", (c, ids) -> c.closeDataProducer(ids.dataProducer())),
        call("dataProducerStats", (c, ids) -> c.dataProducerStats(ids.dataProducer())),
        call(
            "consumeData",
            (c, ids) ->
                c.consumeData(
                    ids.sctpTransport(), ids.dataProducer(), DataChannelParameters.reliable("x"))),
        call("sendData", (c, ids) -> c.sendData(ids.dataConsumer(), true, new byte[1])),
        call("closeDataConsumer", (c, ids) -> c.closeDataConsumer(ids.dataConsumer())),
        call("dataConsumerStats", (c, ids) -> c.dataConsumerStats(ids.dataConsumer())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("callsWithIds")
  void unknownIdIsNotFound(String name, BiFunction<EngineControl, Ids, CompletionStage<?>> call) {
    assertFailsWith(call.apply(engine.control(), UNKNOWN), Code.NOT_FOUND);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("callsWithIds")
  void nullIdIsInvalidArgument(
      String name, BiFunction<EngineControl, Ids, CompletionStage<?>> call) {
    assertFailsWith(call.apply(engine.control(), NULLS), Code.INVALID_ARGUMENT);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyCall")
  void everyCallAfterCloseIsClosed(
      String name, BiFunction<EngineControl, Ids, CompletionStage<?>> call) {
    engine.close();
    assertFailsWith(call.apply(engine.control(), real), Code.CLOSED);
  }

  /** Known ids, but an argument missing or unusable. */
  static Stream<Arguments> invalidArguments() {
    DtlsParameters md5Only =
        new DtlsParameters(
            DtlsRole.CLIENT, List.of(DtlsFingerprint.parse("md5 " + "AB:".repeat(15) + "AB")));
    return Stream.of(
        call(
            "connectWebRtcTransport without DTLS parameters",
            (c, ids) -> c.connectWebRtcTransport(ids.transport(), null, null)),
        call(
            "connectWebRtcTransport with no supported fingerprint hash",
            (c, ids) -> c.connectWebRtcTransport(ids.transport(), null, md5Only)),
        call("produce without RTP parameters", (c, ids) -> c.produce(ids.transport(), null)),
        call(
            "consume without RTP parameters",
            (c, ids) -> c.consume(ids.transport(), ids.producer(), null)),
        call("consume without producer", (c, ids) -> c.consume(ids.transport(), null, video(5))),
        call("consume without transport", (c, ids) -> c.consume(null, ids.producer(), video(5))),
        call(
            "enableSctp twice",
            (c, ids) -> c.enableSctp(ids.sctpTransport(), SctpParameters.DEFAULT, false)),
        call(
            "enableSctp without parameters",
            (c, ids) -> c.enableSctp(ids.transport(), null, false)),
        call(
            "produceData without SCTP",
            (c, ids) -> c.produceData(ids.transport(), NEGOTIATED.withStreamId(4))),
        call(
            "produceData on a stream with a data producer",
            (c, ids) -> c.produceData(ids.sctpTransport(), NEGOTIATED)),
        call(
            "produceData without a stream id",
            (c, ids) -> c.produceData(ids.sctpTransport(), DataChannelParameters.reliable("x"))),
        call(
            "produceData without channel parameters",
            (c, ids) -> c.produceData(ids.sctpTransport(), null)),
        call(
            "consumeData without channel parameters",
            (c, ids) -> c.consumeData(ids.sctpTransport(), ids.dataProducer(), null)),
        call(
            "consumeData on a stream with a data consumer",
            (c, ids) -> c.consumeData(ids.sctpTransport(), null, NEGOTIATED.withStreamId(1))),
        call(
            "sendData on a consumer fed by a data producer",
            (c, ids) -> c.sendData(ids.dataConsumer(), true, new byte[1])),
        call("sendData without payload", (c, ids) -> c.sendData(ids.dataConsumer(), true, null)),
        call("injectLoss without fault injection", (c, ids) -> c.injectLoss(5)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidArguments")
  void missingOrUnusableArgumentIsInvalidArgument(
      String name, BiFunction<EngineControl, Ids, CompletionStage<?>> call) {
    assertFailsWith(call.apply(engine.control(), real), Code.INVALID_ARGUMENT);
  }

  @Test
  void secondConnectIsInvalidArgument() throws Exception {
    await(engine.control().connectWebRtcTransport(real.transport(), null, DTLS));
    assertFailsWith(
        engine.control().connectWebRtcTransport(real.transport(), null, DTLS),
        Code.INVALID_ARGUMENT);
  }

  @Test
  void consumeOfKnownProducerOnUnknownTransportIsNotFound() {
    assertFailsWith(
        engine.control().consume(UNKNOWN.transport(), real.producer(), video(6)), Code.NOT_FOUND);
  }

  @Test
  void injectLossOutOfRangeIsInvalidEvenWhenEnabled() throws Exception {
    engine.close();
    EngineConfig config =
        new EngineConfig(1, EngineConfig.loopback(), 0, EngineConfig.loopback())
            .withFaultInjection(true);
    engine = new Engine(config, new ThreadLauncher(), TestExecutors.BLOCKING, e -> {});
    engine.start();
    await(engine.control().injectLoss(50));
    await(engine.control().injectLoss(0));
    assertFailsWith(engine.control().injectLoss(50.5), Code.INVALID_ARGUMENT);
    assertFailsWith(engine.control().injectLoss(-1), Code.INVALID_ARGUMENT);
    assertFailsWith(engine.control().injectLoss(Double.NaN), Code.INVALID_ARGUMENT);
  }

  @Test
  void closingADataProducerClosesItsConsumers() throws Exception {
    EngineControl c = engine.control();
    await(c.closeDataProducer(real.dataProducer()));
    assertFailsWith(c.dataProducerStats(real.dataProducer()), Code.NOT_FOUND);
    assertFailsWith(c.dataConsumerStats(real.dataConsumer()), Code.NOT_FOUND);
    await(c.closeTransport(real.sctpTransport()));
    assertFailsWith(c.produceData(real.sctpTransport(), NEGOTIATED), Code.NOT_FOUND);
  }

  @Test
  void closedObjectsAreNotFoundAfterwards() throws Exception {
    EngineControl c = engine.control();
    await(c.closeConsumer(real.consumer()));
    assertFailsWith(c.consumerStats(real.consumer()), Code.NOT_FOUND);
    await(c.closeProducer(real.producer()));
    assertFailsWith(c.pauseProducer(real.producer()), Code.NOT_FOUND);
    await(c.closeTransport(real.transport()));
    assertFailsWith(c.restartIce(real.transport()), Code.NOT_FOUND);
    assertFailsWith(c.restartIce(real.transport(), REMOTE_ICE), Code.NOT_FOUND);
    assertThat(await(c.speakers(real.router()))).isEmpty();
    await(c.closeRouter(real.router()));
    assertFailsWith(c.createWebRtcTransport(real.router()), Code.NOT_FOUND);
    assertFailsWith(c.speakers(real.router()), Code.NOT_FOUND);
  }

  @Test
  void blankIdsAreRefusedWhenBuilt() {
    assertThatThrownBy(() -> new TransportId(" "))
        .isInstanceOfSatisfying(
            EngineException.class, e -> assertThat(e.code()).isEqualTo(Code.INVALID_ARGUMENT));
    assertThatThrownBy(() -> new ProducerId("P".repeat(65)))
        .isInstanceOfSatisfying(
            EngineException.class, e -> assertThat(e.code()).isEqualTo(Code.INVALID_ARGUMENT));
  }

  private static <T> T await(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  private static void assertFailsWith(CompletionStage<?> stage, Code code) {
    assertThatThrownBy(() -> await(stage))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.code()).isEqualTo(code));
  }
}
