package dev.sfumato.engine.transport;

import dev.sfumato.engine.dtls.DtlsRole;
import dev.sfumato.engine.dtls.SrtpKeyMaterial;
import dev.sfumato.engine.srtp.SrtpContexts;
import dev.sfumato.engine.srtp.SrtpError;
import dev.sfumato.engine.srtp.SrtpProfile;
import dev.sfumato.engine.stats.DropReason;
import java.util.Arrays;

/** SRTP from DTLS keys (RFC 5764 §4.2) and SRTP errors as drop reasons, for the transport. */
final class SrtpSetup {

  private SrtpSetup() {}

  /** Both directions' contexts from the DTLS exporter's keys; the assembled material is wiped. */
  static SrtpContexts contexts(SrtpKeyMaterial keys) {
    SrtpProfile profile = SrtpProfile.fromId(keys.profile().id());
    int k = keys.clientKey().length;
    int s = keys.clientSalt().length;
    byte[] material = new byte[2 * (k + s)]; // RFC 5764 §4.2 layout, as the exporter gave it
    System.arraycopy(keys.clientKey(), 0, material, 0, k);
    System.arraycopy(keys.serverKey(), 0, material, k, k);
    System.arraycopy(keys.clientSalt(), 0, material, 2 * k, s);
    System.arraycopy(keys.serverSalt(), 0, material, 2 * k + s, s);
    SrtpContexts contexts =
        SrtpContexts.fromDtlsKeyingMaterial(material, profile, keys.localRole() == DtlsRole.CLIENT);
    Arrays.fill(material, (byte) 0);
    return contexts;
  }

  static DropReason dropReason(int code) {
    SrtpError e = SrtpError.fromCode(code);
    if (e == SrtpError.AUTH_FAILED) {
      return DropReason.SRTP_AUTH_FAILED;
    }
    return e == SrtpError.REPLAYED || e == SrtpError.TOO_OLD
        ? DropReason.SRTP_REPLAYED
        : DropReason.SRTP_REJECTED;
  }
}
