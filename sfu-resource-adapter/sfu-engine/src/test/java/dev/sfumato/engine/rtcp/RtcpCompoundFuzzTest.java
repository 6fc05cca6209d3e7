package dev.sfumato.engine.rtcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sfumato.engine.rtp.Hex;
import java.util.Arrays;

/**
 * Peer input never throws: any bytes walk as a compound packet whose sub-packets stay inside the
 * datagram, and every message reader that validates is safe to read; NACK packing round-trips.
 */
class RtcpCompoundFuzzTest {

  private final RtcpCompound compound = new RtcpCompound();
  private final Sdes sdes = new Sdes();
  private final ReportBlock block = new ReportBlock();
  private final TransportCcFeedback transportCc = new TransportCcFeedback(1024);
  private final int[] lost = new int[256];

  @FuzzTest
  void compoundIterationNeverThrows(byte[] data) {
    byte[] buf = Hex.at(2, data, 2);
    RtcpMux.isRtcp(buf, 2, data.length);
    if (!compound.wrap(buf, 2, data.length)) {
      return;
    }
    int walked = 0;
    while (compound.next()) {
      int off = compound.packetOffset();
      int len = compound.packetLength();
      assertThat(off + len).isLessThanOrEqualTo(2 + data.length);
      assertThat(len).isGreaterThanOrEqualTo(RtcpHeader.LENGTH);
      readEverything(buf, off, len, compound.packetType(), compound.count());
      walked++;
    }
    assertThat(compound.status()).isNotEqualTo(RtcpStatus.OK);
    assertThat(walked).isLessThanOrEqualTo(data.length / 4);
  }

  private void readEverything(byte[] buf, int off, int len, int type, int count) {
    switch (type) {
      case RtcpHeader.SR:
        if (SenderReport.validate(buf, off, len) == RtcpStatus.OK) {
          SenderReport.ntpTimestamp(buf, off);
          for (int i = 0; i < count; i++) {
            SenderReport.reportBlock(buf, off, i, block);
          }
        }
        break;
      case RtcpHeader.RR:
        if (ReceiverReport.validate(buf, off, len) == RtcpStatus.OK) {
          for (int i = 0; i < count; i++) {
            ReceiverReport.reportBlock(buf, off, i, block);
          }
        }
        break;
      case RtcpHeader.SDES:
        sdes.wrap(buf, off, len);
        while (sdes.nextChunk()) {
          assertThat(sdes.cnameOffset() + sdes.cnameLength()).isLessThanOrEqualTo(off + len);
        }
        break;
      case RtcpHeader.BYE:
        if (Bye.validate(buf, off, len) == RtcpStatus.OK) {
          for (int i = 0; i < count; i++) {
            Bye.ssrc(buf, off, i);
          }
          int at = Bye.reasonOffset(buf, off, len);
          if (at >= 0) {
            assertThat(at + Bye.reasonLength(buf, off, len)).isLessThanOrEqualTo(off + len);
          }
        }
        break;
      case RtcpHeader.RTPFB:
        readTransportFeedback(buf, off, len, count);
        break;
      case RtcpHeader.PSFB:
        readPayloadFeedback(buf, off, len, count);
        break;
      default:
        break;
    }
  }

  private void readTransportFeedback(byte[] buf, int off, int len, int fmt) {
    if (fmt == RtcpFeedback.FMT_NACK && Nack.validate(buf, off, len) == RtcpStatus.OK) {
      Nack.lostSequences(buf, off, len, lost);
    } else if (fmt == RtcpFeedback.FMT_TRANSPORT_CC) {
      transportCc.decode(buf, off, len);
    }
  }

  private void readPayloadFeedback(byte[] buf, int off, int len, int fmt) {
    if (len >= RtcpFeedback.HEADER_LENGTH) {
      RtcpFeedback.mediaSsrc(buf, off);
    }
    if (fmt == RtcpFeedback.FMT_FIR && Fir.validate(buf, off, len) == RtcpStatus.OK) {
      for (int i = 0; i < Fir.entryCount(len); i++) {
        Fir.sequenceNumber(buf, off, i);
      }
    } else if (Remb.isRemb(buf, off, len) && Remb.validate(buf, off, len) == RtcpStatus.OK) {
      Remb.bitrate(buf, off);
      for (int i = 0; i < Remb.ssrcCount(buf, off); i++) {
        Remb.ssrc(buf, off, i);
      }
    }
  }

  /** Ascending lost sequence numbers pack into PID+BLP and expand back to the same list. */
  @FuzzTest
  void nackWriteThenParseRoundTrips(FuzzedDataProvider data) {
    int count = data.consumeInt(1, 200);
    int[] seqs = new int[count];
    int seq = data.consumeInt(0, 0xFFFF);
    for (int i = 0; i < count; i++) {
      seqs[i] = seq;
      seq = (seq + data.consumeInt(1, 40)) & 0xFFFF;
    }
    byte[] out = new byte[Nack.encodedSize(seqs, count)];
    int len = Nack.write(out, 0, 1, 2, seqs, count);
    assertThat(len).isEqualTo(out.length);
    compound.wrap(out, 0, len);
    assertThat(compound.next()).isTrue();
    assertThat(Nack.validate(out, 0, compound.packetLength())).isEqualTo(RtcpStatus.OK);
    int[] back = new int[count + 16];
    int n = Nack.lostSequences(out, 0, len, back);
    assertThat(Arrays.copyOf(back, n)).containsExactly(seqs);
  }
}
