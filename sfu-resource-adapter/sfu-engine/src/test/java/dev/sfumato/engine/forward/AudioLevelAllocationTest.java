package dev.sfumato.engine.forward;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sfumato.engine.api.ProducerId;
import dev.sfumato.engine.api.RtpCodecParameters;
import dev.sfumato.engine.api.RtpEncodingParameters;
import dev.sfumato.engine.api.RtpHeaderExtensionParameters;
import dev.sfumato.engine.api.RtpParameters;
import dev.sfumato.engine.api.TransportId;
import dev.sfumato.engine.rtp.AudioLevelExtension;
import dev.sfumato.engine.rtp.HeaderExtensionIds;
import dev.sfumato.engine.rtp.RtpPacket;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** STYLE.md hot path: an audio producer reading RFC 6464 levels allocates nothing per packet. */
class AudioLevelAllocationTest {

  private static final int WARM_UP = 20_000;
  private static final int MEASURED = 20_000;

  private static final MediaTransport NO_NETWORK =
      new MediaTransport() {
        @Override
        public TransportId id() {
          return new TransportId("TP_none");
        }

        @Override
        public boolean sendRtp(byte[] buf, int off, int len) {
          return true;
        }

        @Override
        public boolean sendRtcp(byte[] buf, int off, int len) {
          return true;
        }
      };

  @Test
  void observingLevelsAllocatesNothingPerPacket() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    RtpParameters params =
        new RtpParameters(
            "0",
            List.of(new RtpCodecParameters("audio/opus", 111, 48_000, 2, Map.of(), List.of())),
            List.of(new RtpHeaderExtensionParameters(HeaderExtensionIds.AUDIO_LEVEL, 1)),
            List.of(new RtpEncodingParameters(42, "", 0)),
            "",
            true);
    Producer producer = new Producer(new ProducerId("PR_a"), NO_NETWORK, params, 7);
    assertThat(producer.audioLevel()).isNotNull();
    ForwardBuffers fb = new ForwardBuffers();
    RtpPacket view = new RtpPacket();
    byte[] packet = new byte[12 + 8 + 40];
    packet[0] = (byte) 0x90;
    packet[1] = 111;
    packet[11] = 42;
    packet[12] = (byte) 0xBE;
    packet[13] = (byte) 0xDE;
    packet[15] = 1;
    packet[16] = 1 << 4;
    packet[17] = (byte) AudioLevelExtension.encode(30, true);

    run(producer, fb, view, packet, 0, WARM_UP);
    long before = threads.getCurrentThreadAllocatedBytes();
    run(producer, fb, view, packet, WARM_UP, MEASURED);
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;

    assertThat(producer.stats()).containsEntry("packetsIn", (long) WARM_UP + MEASURED);
    assertThat(allocated).as("bytes for %d packets", MEASURED).isLessThan(16 * 1024);
  }

  private static void run(
      Producer producer, ForwardBuffers fb, RtpPacket view, byte[] packet, int from, int n) {
    for (int i = from; i < from + n; i++) {
      packet[2] = (byte) (i >>> 8);
      packet[3] = (byte) i;
      view.wrap(packet, 0, packet.length);
      producer.onRtp(view, 0, false, 1_000_000L * i, fb);
    }
  }
}
