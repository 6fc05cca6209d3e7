package dev.sfumato.engine.ice;

import dev.sfumato.engine.stun.Fingerprint;
import dev.sfumato.engine.stun.MessageIntegrity;
import dev.sfumato.engine.stun.StunMessage;
import dev.sfumato.engine.stun.StunWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Builds connectivity checks as a controlling full agent would (RFC 8445 §7.2.2). */
final class Check {

  private int type = StunMessage.BINDING_REQUEST;
  private String username;
  private String password;
  private boolean priority = true;
  private boolean controlling = true;
  private boolean controlled;
  private boolean useCandidate;
  private boolean integrity = true;
  private boolean fingerprint = true;
  private byte[] transactionId = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};

  /** A check to an agent with {@code to} credentials, from a peer whose ufrag is "peer". */
  static Check to(IceCredentials to) {
    Check check = new Check();
    check.username = to.ufrag() + ":peer";
    check.password = to.pwd();
    return check;
  }

  Check username(String username) {
    this.username = username;
    return this;
  }

  Check password(String password) {
    this.password = password;
    return this;
  }

  Check type(int type) {
    this.type = type;
    return this;
  }

  Check useCandidate() {
    useCandidate = true;
    return this;
  }

  Check controlled() {
    controlling = false;
    controlled = true;
    return this;
  }

  /** Only USERNAME and MESSAGE-INTEGRITY: the smallest request that authenticates. */
  Check bare() {
    priority = false;
    controlling = false;
    fingerprint = false;
    return this;
  }

  Check withoutIntegrity() {
    integrity = false;
    return this;
  }

  Check withoutUsername() {
    username = null;
    return this;
  }

  Check transactionId(int seed) {
    Arrays.fill(transactionId, (byte) seed);
    return this;
  }

  byte[] build() {
    byte[] out = new byte[1024];
    StunWriter w = new StunWriter().begin(out, 0, out.length, type, transactionId, 0);
    if (username != null) {
      byte[] user = username.getBytes(StandardCharsets.US_ASCII);
      w.username(user, 0, user.length);
    }
    if (priority) {
      w.priority(0x6e0001ff);
    }
    if (controlling) {
      w.iceControlling(0x1122334455667788L);
    }
    if (controlled) {
      w.iceControlled(0x1122334455667788L);
    }
    if (useCandidate) {
      w.useCandidate();
    }
    if (integrity) {
      w.messageIntegrity(MessageIntegrity.forPassword(password));
    }
    if (fingerprint) {
      w.fingerprint(new Fingerprint());
    }
    return Arrays.copyOf(out, w.finish());
  }
}
