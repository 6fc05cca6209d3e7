package dev.sfumato.engine.dtls;

import java.util.Arrays;
import java.util.Objects;

/**
 * SRTP master keys and salts from a DTLS-SRTP handshake, RFC 5764 §4.2: the exporter output (label
 * "EXTRACTOR-dtls_srtp", no context) is split as
 *
 * <pre>
 *   client_write_SRTP_master_key[key] | server_write_SRTP_master_key[key]
 *   | client_write_SRTP_master_salt[salt] | server_write_SRTP_master_salt[salt]
 * </pre>
 *
 * The client protects what it sends with the client key and salt, the server with the server's;
 * {@link #localKey()}/{@link #remoteKey()} pick by {@link #localRole()}.
 *
 * <p>The arrays are copied in and are not copied out (the SRTP layer reads them once to derive
 * session keys): callers must not modify them. {@link #toString()} never prints key bytes.
 */
public record SrtpKeyMaterial(
    SrtpProfile profile,
    byte[] clientKey,
    byte[] serverKey,
    byte[] clientSalt,
    byte[] serverSalt,
    DtlsRole localRole) {

  public SrtpKeyMaterial {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(localRole, "localRole");
    clientKey = checkedCopy(clientKey, profile.keyLength(), "clientKey");
    serverKey = checkedCopy(serverKey, profile.keyLength(), "serverKey");
    clientSalt = checkedCopy(clientSalt, profile.saltLength(), "clientSalt");
    serverSalt = checkedCopy(serverSalt, profile.saltLength(), "serverSalt");
  }

  /** Splits exporter output laid out as RFC 5764 §4.2 says. */
  public static SrtpKeyMaterial fromExporter(SrtpProfile profile, byte[] exported, DtlsRole role) {
    int key = profile.keyLength();
    int salt = profile.saltLength();
    if (exported.length != profile.keyingMaterialLength()) {
      throw new IllegalArgumentException(
          "exporter output is " + exported.length + " bytes, " + profile + " needs 2*(key+salt)");
    }
    return new SrtpKeyMaterial(
        profile,
        Arrays.copyOfRange(exported, 0, key),
        Arrays.copyOfRange(exported, key, 2 * key),
        Arrays.copyOfRange(exported, 2 * key, 2 * key + salt),
        Arrays.copyOfRange(exported, 2 * key + salt, 2 * key + 2 * salt),
        role);
  }

  /** Key that protects what we send. */
  public byte[] localKey() {
    return localRole == DtlsRole.CLIENT ? clientKey : serverKey;
  }

  /** Salt that protects what we send. */
  public byte[] localSalt() {
    return localRole == DtlsRole.CLIENT ? clientSalt : serverSalt;
  }

  /** Key that unprotects what the peer sends. */
  public byte[] remoteKey() {
    return localRole == DtlsRole.CLIENT ? serverKey : clientKey;
  }

  /** Salt that unprotects what the peer sends. */
  public byte[] remoteSalt() {
    return localRole == DtlsRole.CLIENT ? serverSalt : clientSalt;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SrtpKeyMaterial that
        && profile == that.profile
        && localRole == that.localRole
        && Arrays.equals(clientKey, that.clientKey)
        && Arrays.equals(serverKey, that.serverKey)
        && Arrays.equals(clientSalt, that.clientSalt)
        && Arrays.equals(serverSalt, that.serverSalt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(profile, localRole, Arrays.hashCode(clientKey), Arrays.hashCode(serverKey));
  }

  @Override
  public String toString() {
    return "SrtpKeyMaterial[" + profile + ", localRole=" + localRole + ", keys redacted]";
  }

  private static byte[] checkedCopy(byte[] bytes, int length, String name) {
    Objects.requireNonNull(bytes, name);
    if (bytes.length != length) {
      throw new IllegalArgumentException(name + " must be " + length + " bytes");
    }
    return bytes.clone();
  }
}
