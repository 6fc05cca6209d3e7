package dev.sfumato.engine.ice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sfumato.engine.stun.ErrorCode;
import dev.sfumato.engine.stun.Fingerprint;
import dev.sfumato.engine.stun.MessageIntegrity;
import dev.sfumato.engine.stun.StunDrop;
import dev.sfumato.engine.stun.StunMessage;
import dev.sfumato.engine.stun.XorMappedAddress;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The ICE-lite responder, rule by rule (see the {@link IceLiteAgent} class comment). */
class IceLiteAgentTest {

  static final IceCredentials LOCAL = new IceCredentials("abcd", "0123456789abcdefghijkl");
  static final InetSocketAddress PEER = address("192.0.2.10", 50000);
  static final InetSocketAddress OTHER = address("198.51.100.7", 61000);
  static final InetSocketAddress PEER_V6 = address("2001:db8::1", 50000);
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  private final Events events = new Events();
  private final IceLiteAgent agent =
      new IceLiteAgent(LOCAL, IceLiteAgent.DEFAULT_MAX_PEER_ADDRESSES, new SecureRandom(), events);
  private final byte[] out = new byte[1500];
  private final StunMessage response = new StunMessage();
  private long now = 1_000 * SECOND;

  // ---- authentication ----

  @Test
  void answersAnAuthenticatedCheckWithItsSourceAddressSignedWithOurPassword() {
    byte[] check = Check.to(LOCAL).transactionId(7).build();

    int n = send(check, PEER);

    assertThat(n).isEqualTo(64);
    assertThat(response.wrap(out, 0, n)).isTrue();
    assertThat(response.type()).isEqualTo(StunMessage.BINDING_SUCCESS_RESPONSE);
    assertThat(Arrays.copyOfRange(out, 8, 20)).containsOnly(7);
    assertThat(mappedAddress()).isEqualTo(PEER);
    assertThat(MessageIntegrity.forPassword(LOCAL.pwd()).verify(response)).isTrue();
    assertThat(new Fingerprint().verify(response)).isTrue();
    assertThat(agent.state()).isEqualTo(IceState.CHECKING);
    assertThat(events.states).containsExactly(IceState.CHECKING);
  }

  @Test
  void acceptsAnyRemoteUfragUntilTheRemoteCredentialsAreKnown() {
    assertThat(send(Check.to(LOCAL).username("abcd:whatever").build(), PEER)).isPositive();
    assertThat(send(Check.to(LOCAL).username("abcd:").build(), PEER)).isPositive();

    agent.setRemoteCredentials(new IceCredentials("them", "ZYXWVUTSRQPONMLKJIHGFEDCBA"));

    assertDropped(Check.to(LOCAL).username("abcd:whatever").build(), StunDrop.UNKNOWN_USERNAME);
    assertThat(send(Check.to(LOCAL).username("abcd:them").build(), PEER)).isPositive();
  }

  @Test
  void dropsChecksSignedWithAnyPasswordButOurs() {
    // RFC 8445 §7.2.2: requests to us are signed with OUR password, not the sender's.
    byte[] check = Check.to(LOCAL).password("ZYXWVUTSRQPONMLKJIHGFEDCBA").build();
    agent.setRemoteCredentials(new IceCredentials("peer", "ZYXWVUTSRQPONMLKJIHGFEDCBA"));

    assertDropped(check, StunDrop.BAD_INTEGRITY);
  }

  @Test
  void dropsChecksForAnotherUfrag() {
    assertDropped(Check.to(LOCAL).username("abce:peer").build(), StunDrop.UNKNOWN_USERNAME);
    assertDropped(Check.to(LOCAL).username("abcdx:peer").build(), StunDrop.UNKNOWN_USERNAME);
    assertDropped(Check.to(LOCAL).username("abcd").build(), StunDrop.UNKNOWN_USERNAME);
  }

  @Test
  void dropsRequestsMissingUsernameOrIntegrity() {
    assertDropped(Check.to(LOCAL).withoutUsername().build(), StunDrop.MISSING_USERNAME);
    assertDropped(Check.to(LOCAL).withoutIntegrity().build(), StunDrop.MISSING_INTEGRITY);
  }

  @Test
  void dropsEverythingButBindingRequests() {
    int[] types = {
      StunMessage.BINDING_INDICATION,
      StunMessage.BINDING_SUCCESS_RESPONSE,
      StunMessage.BINDING_ERROR_RESPONSE,
      0x0003 // an Allocate request (TURN)
    };
    for (int type : types) {
      assertDropped(Check.to(LOCAL).type(type).build(), StunDrop.NOT_BINDING_REQUEST);
    }
  }

  @Test
  void dropsCorruptedAndMalformedDatagrams() {
    byte[] check = Check.to(LOCAL).build();
    check[41] ^= 0x01; // inside PRIORITY: FINGERPRINT catches it before the HMAC runs
    assertDropped(check, StunDrop.BAD_FINGERPRINT);
    assertDropped(new byte[] {0, 1, 0, 0}, StunDrop.TOO_SHORT);
    assertThat(agent.drops(StunDrop.BAD_FINGERPRINT)).isEqualTo(1);
    assertThat(agent.drops(StunDrop.TOO_SHORT)).isEqualTo(1);
  }

  // ---- amplification ----

  @Test
  void neverAnswersWithMoreBytesThanTheRequestCarried() {
    byte[] bare = Check.to(LOCAL).username("abcd:p").bare().build(); // 20 + 12 + 24 = 56 bytes
    assertThat(bare).hasSize(56);
    assertDropped(bare, StunDrop.RESPONSE_WOULD_AMPLIFY);

    // 64 bytes: exactly the size of an IPv4 answer, so it is answered...
    byte[] fits = Check.to(LOCAL).username("abcd:peer:1234").bare().build();
    assertThat(fits).hasSize(64);
    assertThat(send(fits, PEER)).isEqualTo(64);
    // ...but not from IPv6, whose answer is 76 bytes.
    assertThat(send(fits, PEER_V6)).isZero();
    assertThat(agent.lastDrop()).isEqualTo(StunDrop.RESPONSE_WOULD_AMPLIFY);
    assertThat(agent.isValidatedAddress(PEER_V6))
        .as("an unanswered check learns nothing")
        .isFalse();
  }

  @Test
  void aStandardCheckAlwaysFitsItsAnswer() {
    byte[] check = Check.to(LOCAL).username("abcd:wxyz").build(); // shortest RFC 8445 check
    assertThat(check).hasSize(88);
    assertThat(send(check, PEER_V6)).isEqualTo(76);
    assertThat(send(Check.to(LOCAL).username("abcd:wxyz").controlled().build(), PEER_V6))
        .isEqualTo(76);
  }

  @Test
  void dropsWhenTheOutputBufferIsTooSmall() {
    byte[] check = Check.to(LOCAL).build();
    assertThat(agent.handleRequest(check, 0, check.length, PEER, now, new byte[63], 0)).isZero();
    assertThat(agent.lastDrop()).isEqualTo(StunDrop.OUTPUT_TOO_SMALL);
    assertThat(agent.peerAddressCount()).isZero();
  }

  // ---- addresses and nomination ----

  @Test
  void learnsPeerReflexiveAddressesFromAuthenticatedChecksOnly() {
    send(Check.to(LOCAL).build(), PEER);
    send(Check.to(LOCAL).build(), OTHER);
    send(Check.to(LOCAL).password("wrongwrongwrongwrongwrong").build(), PEER_V6);

    assertThat(agent.peerAddressCount()).isEqualTo(2);
    assertThat(agent.isValidatedAddress(PEER)).isTrue();
    assertThat(agent.isValidatedAddress(OTHER)).isTrue();
    assertThat(agent.isValidatedAddress(PEER_V6)).isFalse();
    assertThat(agent.selectedAddress()).isNull();
  }

  @Test
  void keepsAtMostEightAddressesAndNeverEvictsTheSelectedOne() {
    send(Check.to(LOCAL).useCandidate().build(), PEER);
    for (int port = 1; port <= 20; port++) {
      now += SECOND;
      send(Check.to(LOCAL).build(), address("203.0.113.5", port));
    }

    assertThat(agent.peerAddressCount()).isEqualTo(8);
    assertThat(agent.selectedAddress()).isEqualTo(PEER);
    assertThat(agent.isValidatedAddress(address("203.0.113.5", 20))).isTrue();
    assertThat(agent.isValidatedAddress(address("203.0.113.5", 14))).isTrue();
    assertThat(agent.isValidatedAddress(address("203.0.113.5", 13))).as("stalest").isFalse();
  }

  @Test
  void selectsTheAddressOfTheLatestNomination() {
    send(Check.to(LOCAL).build(), PEER);
    assertThat(agent.selectedAddress()).isNull();

    send(Check.to(LOCAL).useCandidate().build(), PEER);
    assertThat(agent.state()).isEqualTo(IceState.CONNECTED);
    assertThat(agent.selectedAddress()).isEqualTo(PEER);

    send(Check.to(LOCAL).build(), OTHER);
    assertThat(agent.selectedAddress()).as("a check alone does not move media").isEqualTo(PEER);

    send(Check.to(LOCAL).useCandidate().build(), OTHER);
    assertThat(agent.selectedAddress()).isEqualTo(OTHER);
    assertThat(events.states).containsExactly(IceState.CHECKING, IceState.CONNECTED);
    assertThat(events.selected).containsExactly(PEER, OTHER);
  }

  // ---- role conflict ----

  @Test
  void answersRoleConflictToAPeerThatAlsoClaimsControlled() {
    byte[] check = Check.to(LOCAL).controlled().useCandidate().build();

    int n = send(check, PEER);

    assertThat(response.wrap(out, 0, n)).isTrue();
    assertThat(response.type()).isEqualTo(StunMessage.BINDING_ERROR_RESPONSE);
    assertThat(ErrorCode.code(out, response.errorCodeOffset())).isEqualTo(487);
    assertThat(MessageIntegrity.forPassword(LOCAL.pwd()).verify(response)).isTrue();
    assertThat(new Fingerprint().verify(response)).isTrue();
    assertThat(agent.roleConflicts()).isEqualTo(1);
    assertThat(agent.peerAddressCount()).as("a conflicting check creates no state").isZero();
    assertThat(agent.state()).isEqualTo(IceState.NEW);
  }

  @Test
  void doesNotAnswerRoleConflictToUnauthenticatedRequests() {
    assertDropped(
        Check.to(LOCAL).controlled().password("wrongwrongwrongwrongwrong").build(),
        StunDrop.BAD_INTEGRITY);
    assertThat(agent.roleConflicts()).isZero();
  }

  // ---- consent freshness ----

  @Test
  void dropsTheSelectedPathAfterThirtySecondsWithoutAuthenticatedChecks() {
    send(Check.to(LOCAL).useCandidate().build(), PEER);
    long nominated = now;

    now = nominated + 20 * SECOND;
    send(Check.to(LOCAL).build(), PEER); // consent refresh, no USE-CANDIDATE
    send(Check.to(LOCAL).password("wrongwrongwrongwrongwrong").build(), PEER); // refreshes nothing
    agent.tick(nominated + 49 * SECOND);
    assertThat(agent.state()).isEqualTo(IceState.CONNECTED);

    agent.tick(nominated + 50 * SECOND);
    assertThat(agent.state()).isEqualTo(IceState.DISCONNECTED);
    assertThat(agent.selectedAddress()).isNull();
    assertThat(agent.isValidatedAddress(PEER)).isFalse();
    assertThat(events.selected).containsExactly(PEER, null);
  }

  @Test
  void recoversWhenAPreviouslyNominatedPeerChecksAgain() {
    send(Check.to(LOCAL).useCandidate().build(), PEER);
    agent.tick(now + 30 * SECOND);
    now += 31 * SECOND;

    send(Check.to(LOCAL).build(), OTHER);

    assertThat(agent.state()).isEqualTo(IceState.CONNECTED);
    assertThat(agent.selectedAddress()).isEqualTo(OTHER);
  }

  @Test
  void givesUpCheckingWhenEveryCheckedPathExpires() {
    send(Check.to(LOCAL).build(), PEER);
    agent.tick(now + 30 * SECOND);

    assertThat(agent.state()).isEqualTo(IceState.DISCONNECTED);
    now += 31 * SECOND;
    send(Check.to(LOCAL).build(), PEER);
    assertThat(agent.state()).as("never nominated: back to checking").isEqualTo(IceState.CHECKING);
  }

  @Test
  void aNewAgentWithoutChecksStaysNew() {
    agent.tick(now + 3600 * SECOND);
    assertThat(agent.state()).isEqualTo(IceState.NEW);
    assertThat(events.states).isEmpty();
  }

  // ---- restart ----

  @Test
  void restartRejectsTheOldCredentialsAndKeepsMediaFlowing() {
    send(Check.to(LOCAL).useCandidate().build(), PEER);
    agent.setRemoteCredentials(new IceCredentials("peer", "ZYXWVUTSRQPONMLKJIHGFEDCBA"));

    IceCredentials fresh = agent.restart();

    assertThat(fresh.ufrag()).isNotEqualTo(LOCAL.ufrag());
    assertThat(fresh.pwd()).isNotEqualTo(LOCAL.pwd());
    assertThat(agent.localCredentials()).isEqualTo(fresh);
    assertThat(agent.remoteCredentials()).isNull();
    assertDropped(Check.to(LOCAL).build(), StunDrop.UNKNOWN_USERNAME);
    assertDropped(
        Check.to(LOCAL).username(fresh.ufrag() + ":peer").build(), StunDrop.BAD_INTEGRITY);
    assertThat(agent.selectedAddress()).isEqualTo(PEER);

    assertThat(send(Check.to(fresh).username(fresh.ufrag() + ":peer2").build(), PEER)).isPositive();
    assertThat(MessageIntegrity.forPassword(fresh.pwd()).verify(response)).isTrue();
  }

  @Test
  void restartWithTheirNewCredentialsChecksTheNewRemoteUfragOnly() {
    agent.setRemoteCredentials(new IceCredentials("old1", "ZYXWVUTSRQPONMLKJIHGFEDCBA"));
    send(Check.to(LOCAL).username("abcd:old1").useCandidate().build(), PEER);

    IceCredentials fresh = agent.restart(new IceCredentials("new1", "zyxwvutsrqponmlkjihgfedcba"));

    assertThat(agent.remoteCredentials().ufrag()).isEqualTo("new1");
    assertDropped(
        Check.to(fresh).username(fresh.ufrag() + ":old1").build(), StunDrop.UNKNOWN_USERNAME);
    assertDropped(
        Check.to(fresh).username(fresh.ufrag() + ":other").build(), StunDrop.UNKNOWN_USERNAME);
    assertDropped(Check.to(LOCAL).username("abcd:new1").build(), StunDrop.UNKNOWN_USERNAME);
    assertThat(agent.selectedAddress()).isEqualTo(PEER);
    assertThat(send(Check.to(fresh).username(fresh.ufrag() + ":new1").build(), PEER)).isPositive();
    assertThat(MessageIntegrity.forPassword(fresh.pwd()).verify(response)).isTrue();
  }

  // ---- helpers ----

  private int send(byte[] datagram, InetSocketAddress from) {
    int n = agent.handleRequest(datagram, 0, datagram.length, from, now, out, 0);
    assertThat(n).as("answer size").isLessThanOrEqualTo(datagram.length);
    if (n > 0) {
      assertThat(response.wrap(out, 0, n)).isTrue();
    }
    return n;
  }

  private void assertDropped(byte[] datagram, StunDrop reason) {
    int before = agent.peerAddressCount();
    IceState state = agent.state();
    assertThat(send(datagram, PEER)).isZero();
    assertThat(agent.lastDrop()).isEqualTo(reason);
    assertThat(agent.peerAddressCount()).isEqualTo(before);
    assertThat(agent.state()).isEqualTo(state);
  }

  private InetSocketAddress mappedAddress() {
    byte[] ip = new byte[16];
    int at = response.xorMappedAddressOffset();
    int n = XorMappedAddress.address(out, at, 0, ip, 0);
    try {
      return new InetSocketAddress(
          InetAddress.getByAddress(Arrays.copyOf(ip, n)), XorMappedAddress.port(out, at));
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  static InetSocketAddress address(String literal, int port) {
    return new InetSocketAddress(literal, port); // literals: no DNS lookup
  }

  static final class Events implements IceLiteAgent.Listener {
    final List<IceState> states = new ArrayList<>();
    final List<InetSocketAddress> selected = new ArrayList<>();

    @Override
    public void onIceStateChange(IceState state) {
      states.add(state);
    }

    @Override
    public void onSelectedAddressChange(InetSocketAddress address) {
      selected.add(address);
    }
  }
}
