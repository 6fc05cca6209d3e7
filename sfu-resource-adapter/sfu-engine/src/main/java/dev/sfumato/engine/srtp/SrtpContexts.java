package dev.sfumato.engine.srtp;

import dev.sfumato.engine.srtp.SrtpKeyDerivation.SessionKeys;
import java.util.Arrays;

/**
 * The two SRTP contexts of a transport, built from the DTLS-SRTP exporter output (RFC 5764 §4.2):
 *
 * <pre>
 *   client_write_SRTP_master_key | server_write_SRTP_master_key
 *   | client_write_SRTP_master_salt | server_write_SRTP_master_salt
 * </pre>
 *
 * The DTLS client protects with the client keys and unprotects with the server keys; the server the
 * other way round. Control plane: runs once per handshake, and may throw on bad arguments.
 *
 * @param inbound unprotects what the peer sends
 * @param outbound protects what we send
 */
public record SrtpContexts(SrtpContext inbound, SrtpContext outbound) {

  /** The label the DTLS exporter is called with, RFC 5764 §4.2. */
  public static final String EXPORTER_LABEL = "EXTRACTOR-dtls_srtp";

  /**
   * Builds both contexts from {@code material} ({@link SrtpProfile#keyingMaterialLength()} bytes)
   * for {@code profile}; {@code dtlsClient} is our DTLS role.
   */
  public static SrtpContexts fromDtlsKeyingMaterial(
      byte[] material, SrtpProfile profile, boolean dtlsClient) {
    int k = profile.keyLength();
    int s = profile.saltLength();
    if (material.length != profile.keyingMaterialLength()) {
      throw new IllegalArgumentException(
          profile + " needs " + profile.keyingMaterialLength() + " bytes, got " + material.length);
    }
    byte[] clientKey = Arrays.copyOfRange(material, 0, k);
    byte[] serverKey = Arrays.copyOfRange(material, k, 2 * k);
    byte[] clientSalt = Arrays.copyOfRange(material, 2 * k, 2 * k + s);
    byte[] serverSalt = Arrays.copyOfRange(material, 2 * k + s, 2 * k + 2 * s);
    SessionKeys client = SrtpKeyDerivation.deriveSession(profile, clientKey, clientSalt);
    SessionKeys server = SrtpKeyDerivation.deriveSession(profile, serverKey, serverSalt);
    Arrays.fill(clientKey, (byte) 0);
    Arrays.fill(serverKey, (byte) 0);
    SrtpContext clientWrite = new SrtpContext(profile, client);
    SrtpContext serverWrite = new SrtpContext(profile, server);
    return dtlsClient
        ? new SrtpContexts(serverWrite, clientWrite)
        : new SrtpContexts(clientWrite, serverWrite);
  }
}
