package dev.sfumato.engine.dtls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.bc.BcECContentSignerBuilder;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * The engine's DTLS identity: one ECDSA P-256 key pair and self-signed X.509 certificate, made once
 * at engine start and shared by every transport, as browsers do per peer connection (RFC 8827 §6.5:
 * WebRTC endpoints authenticate by fingerprint, not by a CA chain, so a self-signed certificate is
 * the norm). P-256 with SHA-256 is what every browser generates and accepts.
 *
 * <p>The certificate is valid from 30 days in the past (peers with a slow clock) to one year ahead;
 * nobody checks the dates in WebRTC, but some stacks refuse an expired certificate. The serial is
 * 64 random bits, positive (RFC 5280 §4.1.2.2). The subject and issuer are CN=sfumato.
 *
 * <p>It also owns the shared {@link BcTlsCrypto}: thread-safe, so one instance serves all sessions.
 */
public final class DtlsCertificate {

  static final Duration VALID_BEFORE_NOW = Duration.ofDays(30);
  static final Duration VALID_AFTER_NOW = Duration.ofDays(365);
  private static final X500Name NAME = new X500Name("CN=sfumato");
  private static final SignatureAndHashAlgorithm ECDSA_SHA256 =
      SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa);

  private final BcTlsCrypto crypto;
  private final AsymmetricKeyParameter privateKey;
  private final byte[] der;
  private final Certificate chain;
  private final DtlsFingerprint fingerprint;

  private DtlsCertificate(BcTlsCrypto crypto, AsymmetricKeyParameter privateKey, byte[] der)
      throws IOException {
    this.crypto = crypto;
    this.privateKey = privateKey;
    this.der = der;
    this.chain = new Certificate(new TlsCertificate[] {crypto.createCertificate(der)});
    this.fingerprint = DtlsFingerprint.of(DtlsFingerprint.HashFunction.SHA_256, der);
  }

  /** Generates a fresh key pair and certificate valid around now. Takes a few milliseconds. */
  public static DtlsCertificate generate() {
    return generate(new SecureRandom(), Instant.now());
  }

  static DtlsCertificate generate(SecureRandom random, Instant now) {
    ECNamedDomainParameters p256 =
        new ECNamedDomainParameters(
            SECObjectIdentifiers.secp256r1, ECNamedCurveTable.getByName("P-256"));
    ECKeyPairGenerator generator = new ECKeyPairGenerator();
    generator.init(new ECKeyGenerationParameters(p256, random));
    AsymmetricCipherKeyPair keyPair = generator.generateKeyPair();
    try {
      X509v3CertificateBuilder builder =
          new X509v3CertificateBuilder(
              NAME,
              new BigInteger(64, random).setBit(62), // non-zero, positive, 8 bytes
              Date.from(now.minus(VALID_BEFORE_NOW)),
              Date.from(now.plus(VALID_AFTER_NOW)),
              NAME,
              SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(keyPair.getPublic()));
      AlgorithmIdentifier signature =
          new DefaultSignatureAlgorithmIdentifierFinder().find("SHA256withECDSA");
      AlgorithmIdentifier digest = new DefaultDigestAlgorithmIdentifierFinder().find(signature);
      byte[] der =
          builder
              .build(new BcECContentSignerBuilder(signature, digest).build(keyPair.getPrivate()))
              .getEncoded();
      return new DtlsCertificate(new BcTlsCrypto(random), keyPair.getPrivate(), der);
    } catch (OperatorCreationException e) {
      throw new IllegalStateException("Bouncy Castle cannot sign with ECDSA", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The SHA-256 fingerprint, the one the SDP answer advertises. */
  public DtlsFingerprint fingerprint() {
    return fingerprint;
  }

  /** The {@code a=fingerprint} value: {@code "sha-256 AB:CD:…"} (RFC 8122 §5). */
  public String sdpFingerprint() {
    return fingerprint.toSdp();
  }

  /** The DER encoding of the certificate (a copy). */
  public byte[] encoded() {
    return der.clone();
  }

  BcTlsCrypto crypto() {
    return crypto;
  }

  /** Our certificate and ECDSA/SHA-256 signer, for ServerKeyExchange or CertificateVerify. */
  TlsCredentialedSigner signerCredentials(TlsContext context) {
    return new BcDefaultTlsCredentialedSigner(
        new TlsCryptoParameters(context), crypto, privateKey, chain, ECDSA_SHA256);
  }
}
