package dev.sfumato.engine.ice;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sfumato.engine.stun.Fingerprint;
import dev.sfumato.engine.stun.MessageIntegrity;
import dev.sfumato.engine.stun.StunMessage;
import dev.sfumato.engine.stun.StunWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Fuzz target for {@link IceLiteAgent#handleRequest}: a sequence of datagrams, each either raw
 * bytes or a check signed with the agent's password (so the fuzzer reaches the paths behind
 * authentication), optionally with one byte flipped after signing, from a handful of addresses,
 * with clock ticks between. Properties: nothing throws, no answer is longer than its request, every
 * answer is a signed STUN response, and state stays within its bounds. Corpus under {@code
 * src/test/resources/dev/sfumato/engine/ice/IceLiteAgentFuzzTestInputs/handleRequest/}.
 */
class IceLiteAgentFuzzTest {

  private static final IceCredentials LOCAL = IceLiteAgentTest.LOCAL;
  private static final MessageIntegrity KEY = MessageIntegrity.forPassword(LOCAL.pwd());

  @FuzzTest
  void handleRequest(FuzzedDataProvider data) throws UnknownHostException {
    IceLiteAgent agent =
        new IceLiteAgent(LOCAL, 4, new SecureRandom(), new IceLiteAgentTest.Events());
    if (data.consumeBoolean()) {
      agent.setRemoteCredentials(new IceCredentials("peer", "ZYXWVUTSRQPONMLKJIHGFEDCBA"));
    }
    byte[] out = new byte[data.consumeInt(0, 200)];
    StunMessage response = new StunMessage();
    long now = data.consumeLong();
    int datagrams = data.consumeInt(1, 16);
    for (int d = 0; d < datagrams && data.remainingBytes() > 0; d++) {
      byte[] datagram = data.consumeBoolean() ? signedCheck(data) : data.consumeBytes(300);
      InetSocketAddress from = source(data);
      now += data.consumeLong(0, 40_000_000_000L);

      int n = agent.handleRequest(datagram, 0, datagram.length, from, now, out, 0);

      assertThat(n).isBetween(0, datagram.length);
      if (n > 0) {
        assertThat(response.wrap(out, 0, n)).isTrue();
        assertThat(response.messageClass())
            .isIn(StunMessage.CLASS_SUCCESS_RESPONSE, StunMessage.CLASS_ERROR_RESPONSE);
        assertThat(KEY.verify(response)).isTrue();
        assertThat(new Fingerprint().verify(response)).isTrue();
        assertThat(agent.isValidatedAddress(from) || response.errorCodeOffset() >= 0).isTrue();
      } else {
        assertThat(agent.lastDrop()).isNotNull();
      }
      if (data.consumeBoolean()) {
        agent.tick(now);
      }
      assertThat(agent.peerAddressCount()).isBetween(0, 4);
      InetSocketAddress selected = agent.selectedAddress();
      assertThat(selected == null || agent.isValidatedAddress(selected)).isTrue();
      assertThat(selected != null).isEqualTo(agent.state() == IceState.CONNECTED);
    }
  }

  private static byte[] signedCheck(FuzzedDataProvider data) {
    byte[] out = new byte[1024];
    byte[] txId = Arrays.copyOf(data.consumeBytes(12), 12);
    String username = data.pickValue(new String[] {"abcd:peer", "abcd:", "abcd:x", "abce:peer"});
    byte[] user = username.getBytes();
    int type =
        data.consumeInt(0, 7) > 0
            ? StunMessage.BINDING_REQUEST
            : data.pickValue(new int[] {StunMessage.BINDING_INDICATION, 0x0111, 0x0003});
    StunWriter w = new StunWriter().begin(out, 0, out.length, type, txId, 0);
    w.username(user, 0, user.length);
    if (data.consumeBoolean()) {
      w.priority(data.consumeInt());
    }
    switch (data.consumeInt(0, 3)) {
      case 0 -> w.iceControlling(data.consumeLong());
      case 1 -> w.iceControlled(data.consumeLong());
      case 2 -> w.iceControlling(1).iceControlled(2);
      default -> {}
    }
    if (data.consumeBoolean()) {
      w.useCandidate();
    }
    w.messageIntegrity(KEY);
    if (data.consumeBoolean()) {
      w.fingerprint(new Fingerprint());
    }
    byte[] check = Arrays.copyOf(out, w.finish());
    if (data.consumeBoolean()) {
      check[data.consumeInt(0, check.length - 1)] ^= (byte) data.consumeInt(1, 255);
    }
    return check;
  }

  private static InetSocketAddress source(FuzzedDataProvider data) throws UnknownHostException {
    int host = data.consumeInt(0, 5);
    byte[] ip = host < 4 ? new byte[] {(byte) 192, 0, 2, (byte) host} : new byte[16];
    ip[ip.length - 1] = (byte) host;
    return new InetSocketAddress(InetAddress.getByAddress(ip), 5000 + data.consumeInt(0, 2));
  }
}
