package dev.sfumato.engine.rtcp;

import static dev.sfumato.engine.rtcp.RtcpVectors.concat;
import static dev.sfumato.engine.rtp.Hex.hex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sfumato.engine.rtp.Hex;
import org.junit.jupiter.api.Test;

class RtcpCompoundTest {

  private final RtcpCompound compound = new RtcpCompound();

  @Test
  void walksEverySubPacketOfACompound() {
    byte[] data =
        concat(RtcpVectors.senderReport(), RtcpVectors.sdesCname(), RtcpVectors.transportCc());
    byte[] buf = Hex.at(5, data, 3);
    assertThat(compound.wrap(buf, 5, data.length)).isTrue();

    assertThat(compound.next()).isTrue();
    assertThat(compound.packetType()).isEqualTo(RtcpHeader.SR);
    assertThat(compound.count()).isEqualTo(1);
    assertThat(compound.packetOffset()).isEqualTo(5);
    assertThat(compound.packetLength()).isEqualTo(52);

    assertThat(compound.next()).isTrue();
    assertThat(compound.packetType()).isEqualTo(RtcpHeader.SDES);
    assertThat(compound.packetOffset()).isEqualTo(5 + 52);
    assertThat(compound.packetLength()).isEqualTo(16);

    assertThat(compound.next()).isTrue();
    assertThat(compound.packetType()).isEqualTo(RtcpHeader.RTPFB);
    assertThat(compound.count()).isEqualTo(RtcpFeedback.FMT_TRANSPORT_CC);

    assertThat(compound.next()).isFalse();
    assertThat(compound.status()).isEqualTo(RtcpStatus.END);
    assertThat(compound.next()).isFalse();
  }

  @Test
  void lengthOverrunIsADropAfterTheValidPackets() {
    byte[] data = concat(RtcpVectors.pli(), hex("81 c9 0007 // RR claims 32 bytes", "00000001"));
    compound.wrap(data, 0, data.length);
    assertThat(compound.next()).isTrue();
    assertThat(compound.packetType()).isEqualTo(RtcpHeader.PSFB);
    assertThat(compound.next()).isFalse();
    assertThat(compound.status()).isEqualTo(RtcpStatus.LENGTH_OVERRUN);
    assertThat(compound.next()).isFalse();
  }

  @Test
  void trailingBytesShorterThanAHeaderAreADrop() {
    byte[] data = concat(RtcpVectors.pli(), hex("80c9 // half a header"));
    compound.wrap(data, 0, data.length);
    assertThat(compound.next()).isTrue();
    assertThat(compound.next()).isFalse();
    assertThat(compound.status()).isEqualTo(RtcpStatus.TOO_SHORT);
  }

  @Test
  void rejectsOtherVersionsAndEmptyDatagrams() {
    byte[] data = RtcpVectors.pli();
    data[0] = 0x41;
    compound.wrap(data, 0, data.length);
    assertThat(compound.next()).isFalse();
    assertThat(compound.status()).isEqualTo(RtcpStatus.BAD_VERSION);
    assertThat(compound.wrap(new byte[4], 0, 0)).isFalse();
    assertThat(compound.next()).isFalse();
    assertThat(compound.status()).isEqualTo(RtcpStatus.TOO_SHORT);
    assertThat(compound.wrap(data, 2, data.length)).isFalse();
    assertThat(compound.status()).isEqualTo(RtcpStatus.BAD_BOUNDS);
  }

  @Test
  void paddingOnTheLastPacketIsExcludedFromItsLength() {
    byte[] data =
        concat(
            RtcpVectors.receiverReportEmpty(),
            hex(
                "a1 ce 0003 // P=1 FMT=1 PSFB PLI, length 3 (16 bytes)",
                "00000001 00000002",
                "00000004 // 4 bytes of padding, count in the last octet"));
    compound.wrap(data, 0, data.length);
    assertThat(compound.next()).isTrue();
    assertThat(compound.next()).isTrue();
    assertThat(compound.packetLength()).isEqualTo(12);
    assertThat(compound.next()).isFalse();
    assertThat(compound.status()).isEqualTo(RtcpStatus.END);
  }

  @Test
  void paddingAnywhereButLastOrPastTheHeaderIsADrop() {
    byte[] notLast =
        concat(
            hex("a0 c9 0001 // RR with P=1", "00000004 // 'padding' of 4 bytes"),
            RtcpVectors.pli());
    compound.wrap(notLast, 0, notLast.length);
    assertThat(compound.next()).isFalse();
    assertThat(compound.status()).isEqualTo(RtcpStatus.PADDING_OVERRUN);

    byte[] tooLong = hex("a0 c9 0001 // RR with P=1", "00000009 // padding 9 > 4 after header");
    compound.wrap(tooLong, 0, tooLong.length);
    assertThat(compound.next()).isFalse();
    assertThat(compound.status()).isEqualTo(RtcpStatus.PADDING_OVERRUN);

    byte[] zero = hex("a0 c9 0001 // RR with P=1", "00000000 // padding count 0");
    compound.wrap(zero, 0, zero.length);
    assertThat(compound.next()).isFalse();
    assertThat(compound.status()).isEqualTo(RtcpStatus.PADDING_OVERRUN);
  }

  @Test
  void rtcpMuxTellsRtcpFromRtpBySecondOctet() {
    assertThat(RtcpMux.isRtcp(hex("80 c8 // SR"), 0, 2)).isTrue();
    assertThat(RtcpMux.isRtcp(hex("80 c0 // 192, low end"), 0, 2)).isTrue();
    assertThat(RtcpMux.isRtcp(hex("80 df // 223, high end"), 0, 2)).isTrue();
    assertThat(RtcpMux.isRtcp(hex("80 bf // RTP M=1 PT=63"), 0, 2)).isFalse();
    assertThat(RtcpMux.isRtcp(hex("80 e0 // RTP M=1 PT=96"), 0, 2)).isFalse();
    assertThat(RtcpMux.isRtcp(hex("80 60 // RTP M=0 PT=96"), 0, 2)).isFalse();
    assertThat(RtcpMux.isRtcp(hex("80"), 0, 1)).isFalse();
    assertThat(RtcpMux.isRtcp(hex("80 c8"), 1, 2)).isFalse();
  }
}
