package dev.sfumato.engine.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The engine's self-signed certificate, checked with the JDK's own X.509 parser. */
class DtlsCertificateTest {

  /** NIST P-256 group order n (FIPS 186-4 D.1.2.3 / SEC 2 secp256r1). */
  private static final BigInteger P256_ORDER =
      new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

  @Test
  void isASelfSignedEcdsaP256CertificateTheJdkAccepts() throws Exception {
    Instant now = Instant.now();
    DtlsCertificate certificate = DtlsCertificate.generate();
    X509Certificate x509 = parse(certificate.encoded());

    x509.verify(x509.getPublicKey()); // self-signed: its own key verifies it
    x509.checkValidity();
    assertThat(x509.getSigAlgName()).isEqualTo("SHA256withECDSA");
    assertThat(x509.getPublicKey()).isInstanceOf(ECPublicKey.class);
    ECPublicKey key = (ECPublicKey) x509.getPublicKey();
    assertThat(key.getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
    assertThat(key.getParams().getOrder()).isEqualTo(P256_ORDER);
    assertThat(x509.getSubjectX500Principal().getName()).isEqualTo("CN=sfumato");
    assertThat(x509.getIssuerX500Principal()).isEqualTo(x509.getSubjectX500Principal());
    assertThat(x509.getSerialNumber()).isPositive();
    assertThat(x509.getNotBefore().toInstant())
        .isBetween(now.minus(Duration.ofDays(31)), now.minus(Duration.ofDays(29)));
    assertThat(x509.getNotAfter().toInstant())
        .isBetween(now.plus(Duration.ofDays(364)), now.plus(Duration.ofDays(366)));
  }

  @Test
  void fingerprintIsSha256OfTheDerInExactSdpForm() throws Exception {
    DtlsCertificate certificate = DtlsCertificate.generate();
    X509Certificate x509 = parse(certificate.encoded());
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(x509.getEncoded());
    String expected = "sha-256 " + HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);

    assertThat(certificate.sdpFingerprint())
        .isEqualTo(expected)
        .matches("sha-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}");
    assertThat(certificate.fingerprint()).isEqualTo(DtlsFingerprint.parse(expected));
  }

  @Test
  void everyGenerationHasItsOwnKeyAndSerial() throws Exception {
    X509Certificate one = parse(DtlsCertificate.generate().encoded());
    X509Certificate two = parse(DtlsCertificate.generate().encoded());

    assertThat(one.getSerialNumber()).isNotEqualTo(two.getSerialNumber());
    assertThat(one.getPublicKey()).isNotEqualTo(two.getPublicKey());
  }

  private static X509Certificate parse(byte[] der) throws Exception {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
  }
}
