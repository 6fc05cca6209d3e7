package dev.sfumato.engine.dtls;

import java.io.IOException;
import java.util.Arrays;
import java.util.Hashtable;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.AlertLevel;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.ExporterLabel;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsExtensionsUtils;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;

/**
 * What both ends of our handshake insist on, shared by {@link DtlsServerPeer} and {@link
 * DtlsClientPeer}: DTLS 1.2 only, ECDHE-ECDSA with AES-GCM, the peer certificate checked against
 * the SDP fingerprint (RFC 8122 §5, RFC 8842 §5), use_srtp negotiated (RFC 5764 §4.1) and the SRTP
 * keys exported inside the handshake-complete callback (RFC 5764 §4.2; Bouncy Castle clears the
 * master secret right after it).
 *
 * <p>Written by the DTLS thread during the handshake; results are read by the same thread after
 * {@code accept}/{@code connect} returns or throws, so plain fields would do; they are volatile
 * because close() on another thread reads the failure note.
 */
final class HandshakePolicy {

  /**
   * What browsers offer and we can serve with a P-256 certificate. AES-GCM only: AEAD, no
   * CBC/MAC-then-encrypt, and the JDK's AES-NI is not involved here anyway (Bouncy Castle crypto).
   */
  static final int[] CIPHER_SUITES = {
    CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
    CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
  };

  /** DTLS 1.2 only (RFC 6347); DTLS 1.3 is not in WebRTC yet and not asked for. */
  static final ProtocolVersion[] VERSIONS = ProtocolVersion.DTLSv12.only();

  private final DtlsCertificate certificate;
  private final DtlsFingerprint expectedRemote;
  private final SrtpProfile[] profiles;
  private final DtlsRole role;
  private final int handshakeTimeoutMillis;

  private volatile boolean peerVerified;
  private volatile String fingerprintFailure;
  private volatile String srtpFailure;
  private volatile SrtpProfile selected;
  private volatile SrtpKeyMaterial keys;
  private volatile boolean peerSentCloseNotify;

  HandshakePolicy(
      DtlsCertificate certificate,
      DtlsFingerprint expectedRemote,
      DtlsConfig config,
      DtlsRole role) {
    this.certificate = certificate;
    this.expectedRemote = expectedRemote;
    this.profiles = config.srtpProfiles().toArray(new SrtpProfile[0]);
    this.role = role;
    this.handshakeTimeoutMillis = (int) config.handshakeTimeout().toMillis();
  }

  DtlsCertificate certificate() {
    return certificate;
  }

  int handshakeTimeoutMillis() {
    return handshakeTimeoutMillis;
  }

  /**
   * Authenticates the peer: its end-entity certificate must hash to the SDP fingerprint. Bouncy
   * Castle then checks that the peer holds the key (CertificateVerify or ServerKeyExchange).
   */
  void verifyPeer(Certificate peerCertificate) throws IOException {
    if (peerCertificate == null || peerCertificate.isEmpty()) {
      fingerprintFailure = "peer sent no certificate";
      throw new TlsFatalAlert(AlertDescription.handshake_failure, fingerprintFailure);
    }
    byte[] der = peerCertificate.getCertificateAt(0).getEncoded();
    if (!expectedRemote.matches(der)) {
      fingerprintFailure =
          "peer certificate is "
              + DtlsFingerprint.of(expectedRemote.algorithm(), der)
              + ", SDP said "
              + expectedRemote;
      throw new TlsFatalAlert(AlertDescription.bad_certificate, fingerprintFailure);
    }
    peerVerified = true;
  }

  /** Client: offer our profiles, no MKI (RFC 5764 §4.1.1). */
  @SuppressWarnings("rawtypes")
  void offerSrtp(Hashtable clientExtensions) throws IOException {
    int[] ids = new int[profiles.length];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = profiles[i].id();
    }
    TlsSRTPUtils.addUseSRTPExtension(clientExtensions, new UseSRTPData(ids, TlsUtils.EMPTY_BYTES));
  }

  /** Client: the server must pick exactly one profile we offered and echo our empty MKI. */
  void acceptServerSrtp(Hashtable<?, ?> serverExtensions) throws IOException {
    UseSRTPData data = TlsSRTPUtils.getUseSRTPExtension(serverExtensions);
    if (data == null) {
      throw srtpFailure("server did not negotiate use_srtp", AlertDescription.handshake_failure);
    }
    int[] ids = data.getProtectionProfiles();
    SrtpProfile profile = ids.length == 1 ? SrtpProfile.fromId(ids[0]) : null;
    if (profile == null || !offered(profile)) {
      throw srtpFailure(
          "server chose an SRTP profile we did not offer", AlertDescription.illegal_parameter);
    }
    if (data.getMki().length != 0) {
      // RFC 5764 §4.1.1: an MKI other than the one offered aborts with illegal_parameter.
      throw srtpFailure("server sent an SRTP MKI", AlertDescription.illegal_parameter);
    }
    selected = profile;
  }

  /** Server: choose our most preferred profile that the client offered (RFC 5764 §4.1.1). */
  void selectSrtp(Hashtable<?, ?> clientExtensions) throws IOException {
    UseSRTPData data = TlsSRTPUtils.getUseSRTPExtension(clientExtensions);
    if (data == null) {
      throw srtpFailure("client did not offer use_srtp", AlertDescription.handshake_failure);
    }
    int[] offeredIds = data.getProtectionProfiles();
    for (SrtpProfile profile : profiles) {
      for (int id : offeredIds) {
        if (id == profile.id()) {
          selected = profile;
          return;
        }
      }
    }
    throw srtpFailure("no SRTP profile in common", AlertDescription.handshake_failure);
  }

  /** Server: echo the chosen profile; we use no MKI, so ours is empty (RFC 5764 §4.1.1). */
  @SuppressWarnings("rawtypes") // Bouncy Castle's extension tables are raw Hashtables
  Hashtable answerSrtp(Hashtable serverExtensions) throws IOException {
    Hashtable extensions = TlsExtensionsUtils.ensureExtensionsInitialised(serverExtensions);
    TlsSRTPUtils.addUseSRTPExtension(
        extensions, new UseSRTPData(new int[] {selected.id()}, TlsUtils.EMPTY_BYTES));
    return extensions;
  }

  /** Inside notifyHandshakeComplete: the only moment the exporter works. */
  void exportKeys(TlsContext context) throws IOException {
    if (!peerVerified || selected == null) {
      // Defence in depth: never hand out keys for an unauthenticated peer.
      throw new TlsFatalAlert(AlertDescription.internal_error, "peer not verified");
    }
    byte[] exported =
        context.exportKeyingMaterial(
            ExporterLabel.dtls_srtp, null, selected.keyingMaterialLength());
    keys = SrtpKeyMaterial.fromExporter(selected, exported, role);
    Arrays.fill(exported, (byte) 0);
  }

  void alertReceived(short level, short description) {
    if (level == AlertLevel.warning && description == AlertDescription.close_notify) {
      peerSentCloseNotify = true;
    }
  }

  String fingerprintFailure() {
    return fingerprintFailure;
  }

  String srtpFailure() {
    return srtpFailure;
  }

  SrtpKeyMaterial keys() {
    return keys;
  }

  boolean peerSentCloseNotify() {
    return peerSentCloseNotify;
  }

  private boolean offered(SrtpProfile profile) {
    for (SrtpProfile mine : profiles) {
      if (mine == profile) {
        return true;
      }
    }
    return false;
  }

  private TlsFatalAlert srtpFailure(String detail, short alert) {
    srtpFailure = detail;
    return new TlsFatalAlert(alert, detail);
  }
}
