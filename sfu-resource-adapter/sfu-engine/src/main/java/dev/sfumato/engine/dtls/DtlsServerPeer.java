package dev.sfumato.engine.dtls;

import java.io.IOException;
import java.util.Hashtable;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsUtils;

/**
 * Our DTLS server (SDP {@code a=setup:passive}), RFC 5764 §4.1 over RFC 6347. WebRTC authenticates
 * both ends (RFC 8827 §6.5), so the server sends a CertificateRequest (RFC 5246 §7.4.4) and checks
 * the client's certificate against the SDP fingerprint. Renegotiation stays refused and extended
 * master secret used when offered (Bouncy Castle's defaults; every browser offers it).
 */
final class DtlsServerPeer extends DefaultTlsServer {

  private final HandshakePolicy policy;

  DtlsServerPeer(HandshakePolicy policy) {
    super(policy.certificate().crypto());
    this.policy = policy;
  }

  @Override
  protected ProtocolVersion[] getSupportedVersions() {
    return HandshakePolicy.VERSIONS;
  }

  @Override
  protected int[] getSupportedCipherSuites() {
    return TlsUtils.getSupportedCipherSuites(getCrypto(), HandshakePolicy.CIPHER_SUITES);
  }

  @Override
  public int getHandshakeTimeoutMillis() {
    return policy.handshakeTimeoutMillis();
  }

  @Override
  protected TlsCredentialedSigner getECDSASignerCredentials() {
    return policy.certificate().signerCredentials(context);
  }

  /** Client authentication is mandatory in WebRTC; RSA client certificates are still accepted. */
  @Override
  public CertificateRequest getCertificateRequest() {
    short[] types = {ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign};
    return new CertificateRequest(
        types, TlsUtils.getDefaultSupportedSignatureAlgorithms(context), null);
  }

  @Override
  public void notifyClientCertificate(Certificate clientCertificate) throws IOException {
    policy.verifyPeer(clientCertificate);
  }

  @Override
  @SuppressWarnings("rawtypes") // Bouncy Castle's API
  public void processClientExtensions(Hashtable clientExtensions) throws IOException {
    super.processClientExtensions(clientExtensions);
    policy.selectSrtp(clientExtensions);
  }

  @Override
  @SuppressWarnings("rawtypes")
  public Hashtable getServerExtensions() throws IOException {
    return policy.answerSrtp(super.getServerExtensions());
  }

  @Override
  public void notifyHandshakeComplete() throws IOException {
    super.notifyHandshakeComplete();
    policy.exportKeys(context);
  }

  @Override
  public void notifyAlertReceived(short alertLevel, short alertDescription) {
    policy.alertReceived(alertLevel, alertDescription);
  }
}
