package dev.sfumato.engine.srtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Behaviour of both profiles between a DTLS client's and a DTLS server's contexts. */
class SrtpContextTest {

  private static final int SSRC = 0x11223344;

  private SrtpContext sender;
  private SrtpContext receiver;

  private void pair(SrtpProfile profile) {
    byte[] material = new byte[profile.keyingMaterialLength()];
    new Random(5764).nextBytes(material);
    sender = SrtpContexts.fromDtlsKeyingMaterial(material, profile, true).outbound();
    receiver = SrtpContexts.fromDtlsKeyingMaterial(material, profile, false).inbound();
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void rtpRoundTripsWithCsrcsAndAHeaderExtension(SrtpProfile profile) {
    pair(profile);
    byte[] plain = rtp(SSRC, 7, 1200);
    plain[0] = (byte) 0x92; // V=2, X=1, CC=2
    plain[20] = (byte) 0xBE; // one-byte extension profile 0xBEDE, 2 words
    plain[21] = (byte) 0xDE;
    plain[22] = 0;
    plain[23] = 2;
    byte[] buf = Arrays.copyOf(plain, 1500);

    int sealed = sender.protectRtp(buf, 0, 1200);
    assertThat(sealed).isEqualTo(1200 + profile.tagLength());
    assertThat(Arrays.copyOf(buf, 32)).as("header in clear").isEqualTo(Arrays.copyOf(plain, 32));
    assertThat(Arrays.copyOfRange(buf, 32, 1200)).isNotEqualTo(Arrays.copyOfRange(plain, 32, 1200));

    assertThat(receiver.unprotectRtp(buf, 0, sealed)).isEqualTo(1200);
    assertThat(Arrays.copyOf(buf, 1200)).isEqualTo(plain);
    assertThat(receiver.rtpSsrcCount()).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void rtcpRoundTripsWithAnIncreasingSrtcpIndex(SrtpProfile profile) {
    pair(profile);
    for (int i = 0; i < 3; i++) {
      byte[] plain = rtcp(SSRC, 52);
      byte[] buf = Arrays.copyOf(plain, 200);
      int sealed = sender.protectRtcp(buf, 0, 52);
      assertThat(sealed).isEqualTo(52 + profile.rtcpOverhead());
      int word = profile == SrtpProfile.AEAD_AES_128_GCM ? sealed - 4 : 52;
      assertThat(Hex.of(buf, word, 4)).isEqualTo(String.format("8000000%d", i)); // E=1, index i
      assertThat(receiver.unprotectRtcp(buf, 0, sealed)).isEqualTo(52);
      assertThat(Arrays.copyOf(buf, 52)).isEqualTo(plain);
    }
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void replayedRtpAndRtcpAreRejected(SrtpProfile profile) {
    pair(profile);
    byte[] srtp = protect(rtp(SSRC, 100, 300));
    assertThat(receiver.unprotectRtp(srtp.clone(), 0, srtp.length)).isEqualTo(300);
    assertThat(receiver.unprotectRtp(srtp.clone(), 0, srtp.length))
        .isEqualTo(SrtpError.REPLAYED.code());

    byte[] buf = Arrays.copyOf(rtcp(SSRC, 28), 100);
    int len = sender.protectRtcp(buf, 0, 28);
    assertThat(receiver.unprotectRtcp(buf.clone(), 0, len)).isEqualTo(28);
    assertThat(receiver.unprotectRtcp(buf.clone(), 0, len)).isEqualTo(SrtpError.REPLAYED.code());
    assertThat(receiver.dropCount(SrtpError.REPLAYED)).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void reorderingInsideTheWindowIsAcceptedAndOlderIsTooOld(SrtpProfile profile) {
    pair(profile);
    byte[][] sealed = new byte[300][];
    for (int seq = 0; seq < 300; seq++) {
      sealed[seq] = protect(rtp(SSRC, seq, 100));
    }
    assertThat(unprotect(sealed[0])).isEqualTo(100);
    assertThat(unprotect(sealed[250])).isEqualTo(100);
    assertThat(unprotect(sealed[123])).as("250 - 123 = 127, inside 128").isEqualTo(100);
    assertThat(unprotect(sealed[122])).isEqualTo(SrtpError.TOO_OLD.code());
    assertThat(unprotect(sealed[123])).isEqualTo(SrtpError.REPLAYED.code());
    assertThat(unprotect(sealed[249])).isEqualTo(100);
    assertThat(unprotect(sealed[299])).isEqualTo(100);
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void aTamperedTagIsRejectedWithoutCreatingOrMovingState(SrtpProfile profile) {
    pair(profile);
    byte[] first = protect(rtp(SSRC, 10, 200));
    byte[] forged = first.clone();
    forged[forged.length - 1] ^= 1;
    assertThat(unprotect(forged)).isEqualTo(SrtpError.AUTH_FAILED.code());
    assertThat(receiver.rtpSsrcCount()).as("no state for a new SSRC").isZero();

    assertThat(unprotect(first)).isEqualTo(200);
    // a forged packet far ahead would move the window if it were believed
    byte[] ahead = protect(rtp(SSRC, 30_000, 200));
    ahead[20] ^= 1; // payload bit: the tag no longer matches
    assertThat(unprotect(ahead)).isEqualTo(SrtpError.AUTH_FAILED.code());
    assertThat(unprotect(protect(rtp(SSRC, 11, 200)))).isEqualTo(200);
    assertThat(unprotect(first)).isEqualTo(SrtpError.REPLAYED.code());
    assertThat(receiver.dropCount(SrtpError.AUTH_FAILED)).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void aFailedUnprotectLeavesTheBufferAsReceived(SrtpProfile profile) {
    pair(profile);
    byte[] forged = protect(rtp(SSRC, 10, 200));
    forged[forged.length - 3] ^= 0x40;
    byte[] copy = forged.clone();
    assertThat(receiver.unprotectRtp(forged, 0, forged.length))
        .isEqualTo(SrtpError.AUTH_FAILED.code());
    assertThat(forged).isEqualTo(copy);
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void aBadRtcpTagForANewSsrcCreatesNoState(SrtpProfile profile) {
    pair(profile);
    byte[] buf = Arrays.copyOf(rtcp(SSRC, 28), 100);
    int len = sender.protectRtcp(buf, 0, 28);
    buf[len - 6] ^= (byte) 0x80;
    assertThat(receiver.unprotectRtcp(buf, 0, len)).isEqualTo(SrtpError.AUTH_FAILED.code());
    assertThat(receiver.rtcpSsrcCount()).isZero();
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void theRolloverCounterAdvancesAcrossSequence65535To0(SrtpProfile profile) {
    pair(profile);
    for (int seq = 65_530; seq < 65_536 + 6; seq++) {
      assertThat(unprotect(protect(rtp(SSRC, seq & 0xFFFF, 160)))).as("seq %d", seq).isEqualTo(160);
    }
    // a late packet from before the wrap is placed at ROC 0, not ROC 1
    SrtpContext lateSender = freshSender(profile);
    byte[][] sealed = new byte[3][];
    int[] seqs = {65_534, 65_535, 0};
    for (int i = 0; i < 3; i++) {
      sealed[i] = protectWith(lateSender, rtp(0x99, seqs[i], 160));
    }
    assertThat(unprotect(sealed[0])).isEqualTo(160);
    assertThat(unprotect(sealed[2])).isEqualTo(160);
    assertThat(unprotect(sealed[1])).as("65535 after 0").isEqualTo(160);

    // seq 0 after the wrap is index 65536: its ciphertext differs from seq 0 at ROC 0
    byte[] wrapped = protectWith(lateSender, rtp(0x99, 1, 160));
    byte[] unwrapped = protectWith(freshSender(profile), rtp(0x99, 1, 160));
    assertThat(wrapped).isNotEqualTo(unwrapped);
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void theSsrcTableIsBoundedAndCountsWhatItRefuses(SrtpProfile profile) {
    pair(profile);
    int max = SrtpContext.maxSsrcs();
    for (int ssrc = 1; ssrc <= max; ssrc++) {
      assertThat(unprotect(protect(rtp(ssrc, 1, 50)))).isEqualTo(50);
    }
    byte[] extra = protectWith(freshSender(profile), rtp(max + 1, 1, 50));
    assertThat(unprotect(extra.clone())).isEqualTo(SrtpError.SSRC_LIMIT.code());
    assertThat(receiver.dropCount(SrtpError.SSRC_LIMIT)).isEqualTo(1);
    assertThat(receiver.rtpSsrcCount()).isEqualTo(max);
    byte[] plain = Arrays.copyOf(rtp(max + 2, 1, 50), 100);
    assertThat(sender.protectRtp(plain, 0, 50)).isEqualTo(SrtpError.SSRC_LIMIT.code());

    receiver.removeSsrc(3);
    assertThat(unprotect(extra)).isEqualTo(50);
    assertThat(unprotect(protect(rtp(2, 2, 50)))).as("slots moved, state kept").isEqualTo(50);
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void shortMalformedAndTailroomlessPacketsAreCountedDrops(SrtpProfile profile) {
    pair(profile);
    assertThat(receiver.unprotectRtp(new byte[40], 0, 12)).isEqualTo(SrtpError.TOO_SHORT.code());
    assertThat(receiver.unprotectRtcp(new byte[40], 0, 20)).isEqualTo(SrtpError.TOO_SHORT.code());
    byte[] overrun = rtp(SSRC, 1, 60);
    overrun[0] = (byte) 0x90; // X=1 with an extension of 0xFFFF words
    overrun[14] = (byte) 0xFF;
    overrun[15] = (byte) 0xFF;
    assertThat(receiver.unprotectRtp(overrun, 0, 60)).isEqualTo(SrtpError.MALFORMED.code());
    assertThat(sender.protectRtp(overrun, 0, 60)).isEqualTo(SrtpError.MALFORMED.code());
    byte[] tight = rtp(SSRC, 1, 60);
    assertThat(sender.protectRtp(tight, 0, 60)).isEqualTo(SrtpError.NO_TAILROOM.code());
    assertThat(sender.protectRtcp(rtcp(SSRC, 28), 0, 28)).isEqualTo(SrtpError.NO_TAILROOM.code());
    assertThat(SrtpError.fromCode(receiver.unprotectRtp(new byte[2], 0, 2)))
        .isEqualTo(SrtpError.TOO_SHORT);
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void eachDirectionHasItsOwnKeys(SrtpProfile profile) {
    byte[] material = new byte[profile.keyingMaterialLength()];
    new Random(1).nextBytes(material);
    SrtpContexts client = SrtpContexts.fromDtlsKeyingMaterial(material, profile, true);
    SrtpContexts server = SrtpContexts.fromDtlsKeyingMaterial(material, profile, false);
    byte[] fromClient = protectWith(client.outbound(), rtp(SSRC, 1, 80));
    assertThat(client.inbound().unprotectRtp(fromClient.clone(), 0, fromClient.length))
        .isEqualTo(SrtpError.AUTH_FAILED.code());
    assertThat(server.inbound().unprotectRtp(fromClient, 0, fromClient.length)).isEqualTo(80);
    byte[] fromServer = protectWith(server.outbound(), rtp(SSRC, 1, 80));
    assertThat(client.inbound().unprotectRtp(fromServer, 0, fromServer.length)).isEqualTo(80);
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void keyingMaterialOfTheWrongLengthIsRefused(SrtpProfile profile) {
    assertThatThrownBy(
            () ->
                SrtpContexts.fromDtlsKeyingMaterial(
                    new byte[profile.keyingMaterialLength() - 1], profile, true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(SrtpProfile.fromId(profile.id())).isEqualTo(profile);
  }

  private SrtpContext freshSender(SrtpProfile profile) {
    byte[] material = new byte[profile.keyingMaterialLength()];
    new Random(5764).nextBytes(material);
    return SrtpContexts.fromDtlsKeyingMaterial(material, profile, true).outbound();
  }

  private byte[] protect(byte[] plain) {
    return protectWith(sender, plain);
  }

  private static byte[] protectWith(SrtpContext context, byte[] plain) {
    byte[] buf = Arrays.copyOf(plain, plain.length + 16);
    int len = context.protectRtp(buf, 0, plain.length);
    assertThat(len).isPositive();
    return Arrays.copyOf(buf, len);
  }

  private int unprotect(byte[] srtp) {
    return receiver.unprotectRtp(srtp, 0, srtp.length);
  }

  static byte[] rtp(int ssrc, int seq, int len) {
    byte[] b = new byte[len];
    new Random(seq).nextBytes(b);
    b[0] = (byte) 0x80;
    b[1] = 111;
    b[2] = (byte) (seq >>> 8);
    b[3] = (byte) seq;
    SrtpTransform.putInt(b, 8, ssrc);
    return b;
  }

  static byte[] rtcp(int ssrc, int len) {
    byte[] b = new byte[len];
    new Random(len).nextBytes(b);
    b[0] = (byte) 0x80;
    b[1] = (byte) 200; // SR
    b[2] = 0;
    b[3] = (byte) (len / 4 - 1);
    SrtpTransform.putInt(b, 4, ssrc);
    return b;
  }
}
