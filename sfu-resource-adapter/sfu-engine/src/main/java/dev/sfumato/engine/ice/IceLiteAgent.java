package dev.sfumato.engine.ice;

import dev.sfumato.engine.stun.ErrorCode;
import dev.sfumato.engine.stun.Fingerprint;
import dev.sfumato.engine.stun.MessageIntegrity;
import dev.sfumato.engine.stun.StunDrop;
import dev.sfumato.engine.stun.StunMessage;
import dev.sfumato.engine.stun.StunWriter;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The ICE-lite agent of one transport, RFC 8445 §2.5 (lite), §7.3 (answering checks) and §8.2
 * (concluding), with consent freshness from RFC 7675. Pure logic: the worker hands it the STUN
 * datagrams of its transport and a clock, and sends back what it returns.
 *
 * <p>Rules:
 *
 * <ul>
 *   <li><b>Authenticate first.</b> Only Binding requests are answered, and only those whose
 *       USERNAME is {@code <our ufrag>:<their ufrag>} and whose MESSAGE-INTEGRITY verifies with
 *       <em>our</em> password: RFC 8445 §7.2.2, the sender signs with the password of the agent it
 *       checks. So checks are answerable before the remote credentials are known (WHIP/OBS clients
 *       send them right after the answer); once {@link #setRemoteCredentials} is called the part
 *       after the colon must match too. Everything else is a silent, counted drop with a {@link
 *       StunDrop} reason; no 400/401 is sent, so an unauthenticated sender gets nothing back.
 *   <li><b>Never amplify.</b> An answer is never longer than the request it answers; if it would
 *       be, the request is dropped ({@link StunDrop#RESPONSE_WOULD_AMPLIFY}). Nothing is padded or
 *       omitted: the success answer is 64 bytes for IPv4 and 76 for IPv6, the 487 answer 76, and a
 *       check that follows RFC 8445 §7.2.2 (USERNAME of at least 9 bytes, PRIORITY, ICE-CONTROLLING
 *       or ICE-CONTROLLED, MESSAGE-INTEGRITY, FINGERPRINT) is at least 88.
 *   <li><b>Addresses come from checks.</b> The source of each authenticated check is remembered as
 *       a peer-reflexive address (§7.3.1.3), at most {@code maxPeerAddresses} of them.
 *   <li><b>Nomination.</b> A check with USE-CANDIDATE selects its source address (§7.3.1.5, §8.2):
 *       the most recent nomination wins, which also covers aggressive nomination.
 *   <li><b>Role conflict.</b> A lite agent is always controlled (§6.1.1) and cannot switch, so a
 *       request with ICE-CONTROLLED (a peer that also thinks it is controlled) always gets 487
 *       (Role Conflict), signed, which per §7.3.1.1 makes the full peer take the controlling role.
 *       The request creates no state.
 *   <li><b>Consent.</b> An address with no authenticated check for {@link #CONSENT_TIMEOUT_NANOS}
 *       is forgotten on {@link #tick}; losing the selected one means {@link IceState#DISCONNECTED}.
 *   <li><b>Restart.</b> {@link #restart(IceCredentials)} makes new local credentials and takes the
 *       peer's new ones; requests with the old ones fail like any unknown username. Media keeps
 *       flowing on the selected address until it loses consent or a new nomination arrives (§9).
 * </ul>
 *
 * <p>Confined to one worker thread. No allocation per request, except once per newly learned
 * address (its bytes) and in listener callbacks.
 */
public final class IceLiteAgent {

  /** RFC 7675 §5.1: consent expires 30 s after the last authenticated check. */
  public static final long CONSENT_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);

  /** Peer addresses kept per transport: host, srflx and relay paths of two families fit. */
  public static final int DEFAULT_MAX_PEER_ADDRESSES = 8;

  /** Notified on the worker thread, synchronously, from {@code handleRequest} and {@code tick}. */
  public interface Listener {
    void onIceStateChange(IceState state);

    /** The address media goes to now, or null when none is selected any more. */
    void onSelectedAddressChange(InetSocketAddress selected);
  }

  private static final StunDrop[] DROPS = StunDrop.values();

  private final SecureRandom random;
  private final Listener listener;
  private final PeerAddresses peers;
  private final StunMessage request = new StunMessage();
  private final StunWriter writer = new StunWriter();
  private final Fingerprint fingerprint = new Fingerprint();
  private final long[] drops = new long[DROPS.length];

  private IceCredentials local;
  private byte[] localUfrag;
  private MessageIntegrity localKey;
  private IceCredentials remote;
  private byte[] remoteUfrag;
  private IceState state = IceState.NEW;
  private boolean everNominated;
  private StunDrop lastDrop;
  private long roleConflicts;

  /** An agent with generated credentials and the default address cap. */
  public IceLiteAgent(SecureRandom random, Listener listener) {
    this(IceCredentials.generate(random), DEFAULT_MAX_PEER_ADDRESSES, random, listener);
  }

  public IceLiteAgent(
      IceCredentials local, int maxPeerAddresses, SecureRandom random, Listener listener) {
    this.random = random;
    this.listener = Objects.requireNonNull(listener, "listener");
    this.peers = new PeerAddresses(maxPeerAddresses);
    useLocalCredentials(local);
  }

  // ---- control (worker thread, from commands) ----

  public IceCredentials localCredentials() {
    return local;
  }

  /** The peer's credentials from its offer; null while unknown. */
  public void setRemoteCredentials(IceCredentials remote) {
    this.remote = remote;
    this.remoteUfrag = remote == null ? null : ascii(remote.ufrag());
  }

  public IceCredentials remoteCredentials() {
    return remote;
  }

  /**
   * ICE restart (RFC 8445 §9): new local credentials, remote ones unknown until set again. The
   * selected address stays until it loses consent or the peer nominates again.
   *
   * @return the new local credentials, for the answer and for re-registering the ufrag
   */
  public IceCredentials restart() {
    return restart(null);
  }

  /**
   * ICE restart with the peer's new credentials from its restart offer (RFC 8445 §9: both sides
   * change ufrag and pwd), set in the same step as ours so no check is judged against a mix. From
   * here a check must name {@code <new local ufrag>:<new remote ufrag>}; one naming the peer's old
   * ufrag is an unknown username. {@code remote} null checks our side only.
   *
   * @return the new local credentials, for the answer and for re-registering the ufrag
   */
  public IceCredentials restart(IceCredentials remote) {
    useLocalCredentials(IceCredentials.generate(random));
    setRemoteCredentials(remote);
    return local;
  }

  private void useLocalCredentials(IceCredentials credentials) {
    local = credentials;
    localUfrag = ascii(credentials.ufrag());
    localKey = MessageIntegrity.forPassword(credentials.pwd());
  }

  // ---- media path ----

  /**
   * Handles one STUN datagram received from {@code from}.
   *
   * @return the length of the answer written at {@code out[outOff]}, to be sent to {@code from}; 0
   *     if the datagram is dropped (see {@link #lastDrop()})
   */
  public int handleRequest(
      byte[] buf, int off, int len, InetSocketAddress from, long nowNanos, byte[] out, int outOff) {
    if (!request.wrap(buf, off, len)) {
      return drop(request.error());
    }
    return handleRequest(request, from, nowNanos, out, outOff);
  }

  /** As above, for a message the worker has already wrapped (to find this transport by ufrag). */
  public int handleRequest(
      StunMessage message, InetSocketAddress from, long nowNanos, byte[] out, int outOff) {
    StunDrop refusal = authenticate(message);
    if (refusal != null) {
      return drop(refusal);
    }
    if (message.hasIceControlled()) {
      return answerRoleConflict(message, out, outOff);
    }
    return answerCheck(message, from, nowNanos, out, outOff);
  }

  /** Expires consent (RFC 7675); call at least every few seconds. */
  public void tick(long nowNanos) {
    if (peers.expire(nowNanos, CONSENT_TIMEOUT_NANOS)) {
      listener.onSelectedAddressChange(null);
      setState(IceState.DISCONNECTED);
    } else if (state == IceState.CHECKING && peers.size() == 0) {
      setState(IceState.DISCONNECTED);
    }
  }

  private StunDrop authenticate(StunMessage m) {
    if (m.type() != StunMessage.BINDING_REQUEST) {
      return StunDrop.NOT_BINDING_REQUEST;
    }
    // FINGERPRINT first: a CRC is cheaper than the HMAC and weeds out non-STUN payloads.
    if (m.hasFingerprint() && !fingerprint.verify(m)) {
      return StunDrop.BAD_FINGERPRINT;
    }
    if (m.usernameOffset() < 0) {
      return StunDrop.MISSING_USERNAME;
    }
    if (!m.hasMessageIntegrity()) {
      return StunDrop.MISSING_INTEGRITY;
    }
    if (!IceUsername.localUfragEquals(m, localUfrag)
        || (remoteUfrag != null && !IceUsername.remoteUfragEquals(m, remoteUfrag))) {
      return StunDrop.UNKNOWN_USERNAME;
    }
    if (!localKey.verify(m)) {
      return StunDrop.BAD_INTEGRITY;
    }
    return null;
  }

  private int answerRoleConflict(StunMessage m, byte[] out, int outOff) {
    int size = StunWriter.bindingErrorSize(ErrorCode.ROLE_CONFLICT, true);
    StunDrop refusal = checkRoom(size, m, out, outOff);
    if (refusal != null) {
      return drop(refusal);
    }
    roleConflicts++;
    return writer.bindingError(
        out, outOff, size, m, ErrorCode.ROLE_CONFLICT, localKey, fingerprint);
  }

  private int answerCheck(
      StunMessage m, InetSocketAddress from, long nowNanos, byte[] out, int outOff) {
    InetAddress ip = from.getAddress();
    if (ip == null) {
      return drop(StunDrop.BAD_SOURCE_ADDRESS);
    }
    int size = StunWriter.bindingSuccessSize(ip instanceof Inet4Address ? 4 : 16);
    StunDrop refusal = checkRoom(size, m, out, outOff);
    if (refusal != null) {
      return drop(refusal); // before any state changes: an unanswered check learns nothing
    }
    int i = peers.indexOf(from);
    if (i < 0) {
      i = peers.add(from, nowNanos);
    } else {
      peers.touch(i, nowNanos);
    }
    if (m.useCandidate() || (state == IceState.DISCONNECTED && everNominated)) {
      select(i, m.useCandidate());
    } else if (state == IceState.NEW || state == IceState.DISCONNECTED) {
      setState(IceState.CHECKING);
    }
    return writer.bindingSuccess(
        out, outOff, size, m, peers.ip(i), from.getPort(), localKey, fingerprint);
  }

  private static StunDrop checkRoom(int size, StunMessage m, byte[] out, int outOff) {
    if (size > m.length()) {
      return StunDrop.RESPONSE_WOULD_AMPLIFY;
    }
    if (outOff < 0 || out.length - outOff < size) {
      return StunDrop.OUTPUT_TOO_SMALL;
    }
    return null;
  }

  private void select(int i, boolean nominated) {
    everNominated |= nominated;
    if (peers.selected() != i) {
      peers.select(i);
      listener.onSelectedAddressChange(peers.address(i));
    }
    setState(IceState.CONNECTED);
  }

  private void setState(IceState next) {
    if (state != next) {
      state = next;
      listener.onIceStateChange(next);
    }
  }

  private int drop(StunDrop reason) {
    drops[reason.ordinal()]++;
    lastDrop = reason;
    return 0;
  }

  // ---- observation ----

  public IceState state() {
    return state;
  }

  /** Where media goes, or null if nothing is selected. */
  public InetSocketAddress selectedAddress() {
    return peers.selectedAddress();
  }

  /**
   * True if {@code address} passed an authenticated check within the consent window: the worker
   * accepts DTLS and SRTP only from such addresses.
   */
  public boolean isValidatedAddress(InetSocketAddress address) {
    return peers.indexOf(address) >= 0;
  }

  public int peerAddressCount() {
    return peers.size();
  }

  public long drops(StunDrop reason) {
    return drops[reason.ordinal()];
  }

  /** Why the last dropped datagram was dropped, or null if none was. */
  public StunDrop lastDrop() {
    return lastDrop;
  }

  /** How many 487 answers were sent. */
  public long roleConflicts() {
    return roleConflicts;
  }

  private static byte[] ascii(String iceChars) {
    return iceChars.getBytes(StandardCharsets.US_ASCII);
  }
}
