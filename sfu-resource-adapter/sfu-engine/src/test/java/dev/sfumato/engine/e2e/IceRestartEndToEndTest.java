package dev.sfumato.engine.e2e;

import static dev.sfumato.engine.e2e.LoopbackEngine.await;
import static dev.sfumato.engine.e2e.LoopbackEngine.flows;
import static dev.sfumato.engine.e2e.LoopbackEngine.video;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sfumato.engine.api.DtlsRole;
import dev.sfumato.engine.api.IceParameters;
import dev.sfumato.engine.api.ProducerInfo;
import dev.sfumato.engine.api.WebRtcTransportInfo;
import dev.sfumato.engine.stun.MessageIntegrity;
import dev.sfumato.engine.stun.StunMessage;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * ICE restart (RFC 8445 §9) on a subscriber's transport while media flows: the old credentials stop
 * working at once (counted drops, no answer), the new ones are answered, and the selected path
 * keeps carrying media throughout since DTLS and SRTP are untouched by a restart.
 */
class IceRestartEndToEndTest {

  private static final long PUB_SSRC = 1111;
  private static final long SUB_SSRC = 2222;

  private LoopbackEngine sfu;

  @AfterEach
  void tearDown() throws Exception {
    if (sfu != null) {
      sfu.close();
    }
  }

  @Test
  void restartRefusesOldCredentialsAnswersNewOnesAndMediaKeepsFlowing() throws Exception {
    sfu = new LoopbackEngine();
    WebRtcTransportInfo pubInfo = sfu.transport();
    WebRtcTransportInfo subInfo = sfu.transport();
    TestPeer pub = sfu.connectedPeer(pubInfo, DtlsRole.CLIENT);
    TestPeer sub = sfu.connectedPeer(subInfo, DtlsRole.CLIENT);
    ProducerInfo producer =
        await(sfu.control().produce(pubInfo.id(), video("0", 96, 97, PUB_SSRC, 0)));
    await(sfu.control().consume(subInfo.id(), producer.id(), video("0", 100, 101, SUB_SSRC, 0)));
    flows(pub, sub, 100, 5, true, PUB_SSRC, SUB_SSRC);

    IceParameters old = subInfo.iceParameters();
    IceParameters fresh = await(sfu.control().restartIce(subInfo.id()));
    assertThat(fresh.usernameFragment()).isNotEqualTo(old.usernameFragment());
    assertThat(fresh.password()).isNotEqualTo(old.password());
    flows(pub, sub, 105, 3, false, PUB_SSRC, SUB_SSRC); // same path, same keys

    // a check with the old ufrag names no transport any more: silent, counted
    sub.stun.clear();
    long unknown = sfu.drops("STUN_UNKNOWN_USERNAME");
    sub.sendBindingRequest(old, new byte[12]);
    assertThat(sfu.awaitDrops("STUN_UNKNOWN_USERNAME", unknown + 1)).isEqualTo(unknown + 1);
    // the new ufrag signed with the old password fails integrity: silent, counted
    long rejected = sfu.drops("STUN_REJECTED");
    sub.sendBindingRequest(
        new IceParameters(fresh.usernameFragment(), old.password()), new byte[12]);
    assertThat(sfu.awaitDrops("STUN_REJECTED", rejected + 1)).isEqualTo(rejected + 1);
    assertThat(sub.stun.poll(300, TimeUnit.MILLISECONDS))
        .as("no answer to old credentials")
        .isNull();
    flows(pub, sub, 108, 3, false, PUB_SSRC, SUB_SSRC);

    // the new credentials are answered: a success response to our transaction, signed with them
    byte[] tx = new byte[12];
    sub.sendBindingRequest(fresh, tx);
    byte[] answer = sub.stun.poll(5, TimeUnit.SECONDS);
    assertThat(answer).as("answer to the new credentials").isNotNull();
    StunMessage m = new StunMessage();
    assertThat(m.wrap(answer, 0, answer.length)).isTrue();
    assertThat(m.type()).isEqualTo(StunMessage.BINDING_SUCCESS_RESPONSE);
    int t = m.transactionIdOffset();
    assertThat(Arrays.copyOfRange(answer, t, t + 12)).isEqualTo(tx);
    assertThat(MessageIntegrity.forPassword(fresh.password()).verify(m)).isTrue();
    flows(pub, sub, 111, 3, false, PUB_SSRC, SUB_SSRC);

    assertThat(sfu.transportStats(subInfo.id()))
        .containsEntry("iceConnected", 1L)
        .containsEntry("dtlsConnected", 1L)
        .containsEntry("rtpOut", 14L);
  }

  /**
   * A LiveKit-style resume: the client's restart offer carries its new ice-ufrag/pwd, given to the
   * engine together with the restart. Checks naming the client's old ufrag are refused from then
   * on, checks naming the new one are answered, and media keeps flowing throughout.
   */
  @Test
  void restartWithTheirNewCredentialsRefusesTheirOldUfragAndMediaKeepsFlowing() throws Exception {
    sfu = new LoopbackEngine();
    WebRtcTransportInfo pubInfo = sfu.transport();
    WebRtcTransportInfo subInfo = sfu.transport();
    TestPeer pub = sfu.connectedPeer(pubInfo, DtlsRole.CLIENT);
    TestPeer sub = sfu.connectedPeer(subInfo, DtlsRole.CLIENT); // its checks say ":peer"
    ProducerInfo producer =
        await(sfu.control().produce(pubInfo.id(), video("0", 96, 97, PUB_SSRC, 0)));
    await(sfu.control().consume(subInfo.id(), producer.id(), video("0", 100, 101, SUB_SSRC, 0)));
    flows(pub, sub, 100, 5, true, PUB_SSRC, SUB_SSRC);

    IceParameters theirs = new IceParameters("peer2", "ZYXWVUTSRQPONMLKJIHGFEDCBA");
    IceParameters fresh = await(sfu.control().restartIce(subInfo.id(), theirs));
    assertThat(fresh.usernameFragment()).isNotEqualTo(subInfo.iceParameters().usernameFragment());
    flows(pub, sub, 105, 3, false, PUB_SSRC, SUB_SSRC);

    // our new credentials, their old ufrag: refused, silently
    sub.stun.clear();
    long rejected = sfu.drops("STUN_REJECTED");
    sub.sendBindingRequest(fresh, "peer", new byte[12]);
    assertThat(sfu.awaitDrops("STUN_REJECTED", rejected + 1)).isEqualTo(rejected + 1);
    assertThat(sub.stun.poll(300, TimeUnit.MILLISECONDS)).as("no answer").isNull();

    // their new ufrag: answered, signed with our new password
    byte[] tx = new byte[12];
    sub.sendBindingRequest(fresh, "peer2", tx);
    byte[] answer = sub.stun.poll(5, TimeUnit.SECONDS);
    assertThat(answer).as("answer to the new ufrags").isNotNull();
    StunMessage m = new StunMessage();
    assertThat(m.wrap(answer, 0, answer.length)).isTrue();
    assertThat(m.type()).isEqualTo(StunMessage.BINDING_SUCCESS_RESPONSE);
    int t = m.transactionIdOffset();
    assertThat(Arrays.copyOfRange(answer, t, t + 12)).isEqualTo(tx);
    assertThat(MessageIntegrity.forPassword(fresh.password()).verify(m)).isTrue();
    flows(pub, sub, 108, 3, false, PUB_SSRC, SUB_SSRC);

    // a second restart without remote credentials checks our side only again
    IceParameters third = await(sfu.control().restartIce(subInfo.id()));
    sub.stun.clear();
    sub.sendBindingRequest(third, "anything", new byte[12]);
    assertThat(sub.stun.poll(5, TimeUnit.SECONDS)).as("answer without remote ufrag").isNotNull();
    flows(pub, sub, 111, 3, false, PUB_SSRC, SUB_SSRC);
    assertThat(sfu.transportStats(subInfo.id())).containsEntry("iceConnected", 1L);
  }
}
