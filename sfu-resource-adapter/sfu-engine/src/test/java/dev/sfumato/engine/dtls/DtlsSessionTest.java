package dev.sfumato.engine.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Two in-process sessions handshake over queue transports, RFC 5764 over RFC 6347. */
class DtlsSessionTest {

  private DtlsPair pair;

  @AfterEach
  void closeAndCheckNoTaskIsLeft() throws InterruptedException {
    if (pair != null) {
      pair.close();
      assertThat(pair.listenerA.terminalCalls).hasValue(1);
      assertThat(pair.listenerB.terminalCalls).hasValue(1);
    }
  }

  @ParameterizedTest
  @EnumSource(DtlsRole.class)
  void handshakeCompletesAndBothSidesExportTheSameKeys(DtlsRole roleOfA) throws Exception {
    pair = new DtlsPair();
    pair.start(roleOfA);

    SrtpKeyMaterial keysA = pair.listenerA.awaitConnected();
    SrtpKeyMaterial keysB = pair.listenerB.awaitConnected();

    assertThat(pair.a.state()).isEqualTo(DtlsState.CONNECTED);
    assertThat(pair.b.state()).isEqualTo(DtlsState.CONNECTED);
    assertThat(keysA.localRole()).isEqualTo(roleOfA);
    assertThat(keysB.localRole()).isNotEqualTo(roleOfA);
    // GCM is first in both preference lists.
    assertThat(keysA.profile()).isEqualTo(SrtpProfile.SRTP_AEAD_AES_128_GCM);
    assertSameMaterial(keysA, keysB);
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void eachProfileCanBeForcedAndExportsItsLength(SrtpProfile profile) throws Exception {
    DtlsConfig onlyThis = DtlsConfig.defaults().withSrtpProfiles(List.of(profile));
    pair = new DtlsPair(onlyThis, DtlsConfig.defaults()); // A, the client, offers one profile
    pair.start(DtlsRole.CLIENT);

    SrtpKeyMaterial client = pair.listenerA.awaitConnected();
    SrtpKeyMaterial server = pair.listenerB.awaitConnected();

    assertThat(client.profile()).isEqualTo(profile);
    assertThat(server.profile()).isEqualTo(profile);
    assertThat(2 * (client.clientKey().length + client.clientSalt().length))
        .isEqualTo(profile == SrtpProfile.SRTP_AEAD_AES_128_GCM ? 56 : 60);
    assertSameMaterial(client, server);
  }

  @Test
  void theServersPreferenceWinsWhenTheClientOffersBoth() throws Exception {
    DtlsConfig cmFirst =
        DtlsConfig.defaults()
            .withSrtpProfiles(
                List.of(
                    SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80, SrtpProfile.SRTP_AEAD_AES_128_GCM));
    pair = new DtlsPair(DtlsConfig.defaults(), cmFirst);
    pair.start(DtlsRole.CLIENT);

    assertThat(pair.listenerA.awaitConnected().profile())
        .isEqualTo(SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80);
  }

  @Test
  void noCommonSrtpProfileFailsTheHandshake() throws Exception {
    pair =
        new DtlsPair(
            DtlsConfig.defaults().withSrtpProfiles(List.of(SrtpProfile.SRTP_AEAD_AES_128_GCM)),
            DtlsConfig.defaults()
                .withSrtpProfiles(List.of(SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80)));
    pair.start(DtlsRole.CLIENT);

    assertThat(pair.listenerB.awaitFailure().reason())
        .isEqualTo(DtlsFailureReason.SRTP_NEGOTIATION_FAILED);
    assertThat(pair.listenerA.awaitFailure().reason()).isEqualTo(DtlsFailureReason.ALERT_RECEIVED);
    assertThat(pair.listenerA.connected).isNotDone();
  }

  @ParameterizedTest
  @EnumSource(DtlsRole.class)
  void aFingerprintMismatchIsReportedDistinctlyByTheSideThatChecks(DtlsRole checker)
      throws Exception {
    pair = new DtlsPair();
    DtlsFingerprint wrong = DtlsCertificate.generate().fingerprint();
    // A plays `checker` and expects the wrong certificate; B expects A's real one.
    pair.start(checker, wrong, DtlsPair.CERT_A.fingerprint());

    RecordingListener.Failure atA = pair.listenerA.awaitFailure();
    RecordingListener.Failure atB = pair.listenerB.awaitFailure();

    assertThat(atA.reason()).isEqualTo(DtlsFailureReason.FINGERPRINT_MISMATCH);
    assertThat(atA.detail()).contains(wrong.toSdp()).contains(DtlsPair.CERT_B.sdpFingerprint());
    assertThat(atB.reason()).isEqualTo(DtlsFailureReason.ALERT_RECEIVED);
    assertThat(atB.detail()).contains("bad_certificate");
    assertThat(pair.listenerA.connected).isNotDone();
    assertThat(pair.listenerB.connected).isNotDone();
  }

  @ParameterizedTest
  @EnumSource(DtlsRole.class)
  void handshakeTimesOutWhenThePeerNeverAnswers(DtlsRole role) throws Exception {
    DtlsConfig quick = DtlsConfig.defaults().withHandshakeTimeout(Duration.ofMillis(1500));
    pair = new DtlsPair(quick, quick);
    pair.dropFromA.set(i -> true); // nothing A sends arrives; B is never started
    long start = System.nanoTime();
    pair.a.start(role, DtlsPair.CERT_B.fingerprint(), pair.executor);

    RecordingListener.Failure failure = pair.listenerA.awaitFailure();

    long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertThat(failure.reason()).isEqualTo(DtlsFailureReason.HANDSHAKE_TIMEOUT);
    assertThat(tookMillis).isBetween(1400L, 6000L);
    if (role == DtlsRole.CLIENT) {
      assertThat(pair.sentByA.get()).as("ClientHello retransmitted").isGreaterThan(1);
    }
  }

  @Test
  void lostFlightsAreRetransmitted() throws Exception {
    pair = new DtlsPair();
    pair.dropFromA.set(i -> i == 0); // the first ClientHello is lost
    pair.dropFromB.set(i -> i == 0); // and the server's first datagram
    pair.start(DtlsRole.CLIENT);

    assertSameMaterial(pair.listenerA.awaitConnected(), pair.listenerB.awaitConnected());
  }

  @ParameterizedTest
  @EnumSource(DtlsRole.class)
  void applicationDataRoundTripsBothWays(DtlsRole roleOfA) throws Exception {
    pair = new DtlsPair();
    pair.start(roleOfA);
    pair.listenerA.awaitConnected();
    pair.listenerB.awaitConnected();

    byte[] hello = "sctp packet from A".getBytes(StandardCharsets.US_ASCII);
    assertThat(pair.a.send(hello, 0, hello.length)).isTrue();
    assertThat(pair.listenerB.awaitData()).isEqualTo(hello);

    int limit = pair.b.applicationSendLimit();
    assertThat(limit).isBetween(1100, 1200 - 13);
    byte[] full = new byte[limit];
    for (int i = 0; i < full.length; i++) {
      full[i] = (byte) i;
    }
    // 20 back to back: under the 32-record queue bound, so none may be dropped.
    for (int n = 0; n < 20; n++) {
      full[0] = (byte) n;
      assertThat(pair.b.send(full, 0, full.length)).isTrue();
    }
    for (int n = 0; n < 20; n++) {
      byte[] got = pair.listenerA.awaitData();
      assertThat(got).hasSize(limit);
      assertThat(got[0]).isEqualTo((byte) n);
    }
    assertThatThrownBy(() -> pair.b.send(new byte[limit + 1], 0, limit + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sendBeforeTheHandshakeCompletesReturnsFalse() {
    pair = new DtlsPair();
    assertThat(pair.a.send(new byte[10], 0, 10)).isFalse();
    assertThat(pair.a.applicationSendLimit()).isEqualTo(-1);
  }

  @Test
  void closeAfterConnectSendsCloseNotifyAndBothSidesEndInOrder() throws Exception {
    pair = new DtlsPair();
    pair.start(DtlsRole.SERVER);
    pair.listenerA.awaitConnected();
    pair.listenerB.awaitConnected();

    pair.a.close();

    assertThat(pair.listenerA.closed).isDone();
    pair.listenerB.closed.get(5, TimeUnit.SECONDS);
    assertThat(pair.b.state()).isEqualTo(DtlsState.CLOSED);
    assertThat(pair.a.send(new byte[1], 0, 1)).isFalse();
    assertThat(pair.a.offer(new byte[20], 0, 20)).isEqualTo(OfferResult.DROPPED_CLOSED);
  }

  @ParameterizedTest
  @EnumSource(DtlsRole.class)
  void closeDuringTheHandshakeWakesTheBlockedTaskAndReportsClosed(DtlsRole role) throws Exception {
    pair = new DtlsPair();
    pair.dropFromA.set(i -> true);
    pair.a.start(role, DtlsPair.CERT_B.fingerprint(), pair.executor);
    Thread.sleep(200); // let the handshake task block in receive

    pair.a.close();

    assertThat(pair.listenerA.awaitFailure().reason()).isEqualTo(DtlsFailureReason.CLOSED);
    pair.b.close();
    pair.executor.shutdown();
    assertThat(pair.executor.awaitTermination(2, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void startTwiceOrAfterCloseIsRejected() {
    pair = new DtlsPair();
    pair.a.start(DtlsRole.CLIENT, DtlsPair.CERT_B.fingerprint(), pair.executor);
    assertThatThrownBy(
            () -> pair.a.start(DtlsRole.CLIENT, DtlsPair.CERT_B.fingerprint(), pair.executor))
        .isInstanceOf(IllegalStateException.class);
    pair.b.close();
    assertThatThrownBy(
            () -> pair.b.start(DtlsRole.SERVER, DtlsPair.CERT_A.fingerprint(), pair.executor))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aRejectingExecutorFailsTheSessionInsteadOfThrowing() throws Exception {
    pair = new DtlsPair();
    Executor rejecting =
        task -> {
          throw new RejectedExecutionException("pool shut down");
        };
    pair.a.start(DtlsRole.CLIENT, DtlsPair.CERT_B.fingerprint(), rejecting);

    assertThat(pair.listenerA.awaitFailure().reason()).isEqualTo(DtlsFailureReason.INTERNAL_ERROR);
  }

  @Test
  void datagramsBeyondTheQueueBoundAreCountedDrops() {
    pair = new DtlsPair(DtlsConfig.defaults().withQueueBounds(4, 1500), DtlsConfig.defaults());
    byte[] record = new byte[100];
    for (int i = 0; i < 6; i++) {
      pair.a.offer(record, 0, record.length); // not started: nobody drains
    }
    pair.a.offer(record, 0, 5);

    assertThat(pair.a.offerCount(OfferResult.QUEUED)).isEqualTo(4);
    assertThat(pair.a.offerCount(OfferResult.DROPPED_QUEUE_FULL)).isEqualTo(2);
    assertThat(pair.a.offerCount(OfferResult.DROPPED_TOO_SHORT)).isEqualTo(1);
  }

  private static void assertSameMaterial(SrtpKeyMaterial one, SrtpKeyMaterial other) {
    assertThat(one.profile()).isEqualTo(other.profile());
    assertThat(one.localRole()).isNotEqualTo(other.localRole());
    assertThat(one.clientKey()).isEqualTo(other.clientKey());
    assertThat(one.serverKey()).isEqualTo(other.serverKey());
    assertThat(one.clientSalt()).isEqualTo(other.clientSalt());
    assertThat(one.serverSalt()).isEqualTo(other.serverSalt());
    assertThat(one.localKey()).isEqualTo(other.remoteKey());
    assertThat(one.localSalt()).isEqualTo(other.remoteSalt());
    assertThat(one.clientKey()).isNotEqualTo(one.serverKey());
  }
}
