package dev.sfumato.engine.dtls;

import java.io.IOException;
import java.util.Hashtable;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsExtensionsUtils;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsUtils;

/**
 * Our DTLS client (SDP {@code a=setup:active}), RFC 5764 §4.1 over RFC 6347: offers use_srtp,
 * authenticates the server by its SDP fingerprint instead of a CA chain (RFC 8122 §5) and answers
 * the server's CertificateRequest with our certificate.
 */
final class DtlsClientPeer extends DefaultTlsClient {

  private final HandshakePolicy policy;

  DtlsClientPeer(HandshakePolicy policy) {
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
  @SuppressWarnings("rawtypes") // Bouncy Castle's API
  public Hashtable getClientExtensions() throws IOException {
    Hashtable extensions =
        TlsExtensionsUtils.ensureExtensionsInitialised(super.getClientExtensions());
    policy.offerSrtp(extensions);
    return extensions;
  }

  @Override
  @SuppressWarnings("rawtypes")
  public void processServerExtensions(Hashtable serverExtensions) throws IOException {
    super.processServerExtensions(serverExtensions);
    policy.acceptServerSrtp(serverExtensions);
  }

  @Override
  public TlsAuthentication getAuthentication() {
    return new TlsAuthentication() {
      @Override
      public void notifyServerCertificate(TlsServerCertificate serverCertificate)
          throws IOException {
        policy.verifyPeer(serverCertificate.getCertificate());
      }

      @Override
      public TlsCredentials getClientCredentials(CertificateRequest request) {
        return policy.certificate().signerCredentials(context);
      }
    };
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
