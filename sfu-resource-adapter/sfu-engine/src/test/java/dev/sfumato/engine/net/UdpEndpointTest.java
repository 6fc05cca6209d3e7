package dev.sfumato.engine.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sfumato.engine.stats.DropCounters;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class UdpEndpointTest {

  @Test
  void sendsADatagramToThePeerAndCountsIt() throws Exception {
    InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    try (UdpEndpoint endpoint = UdpEndpoint.bind(any);
        DatagramSocket peer = new DatagramSocket(any)) {
      peer.setSoTimeout(5_000);
      byte[] data = {9, 1, 2, 3, 4, 9};
      assertThat(endpoint.send(data, 1, 4, (InetSocketAddress) peer.getLocalSocketAddress()))
          .isTrue();
      DatagramPacket got = new DatagramPacket(new byte[16], 16);
      peer.receive(got);
      assertThat(got.getLength()).isEqualTo(4);
      assertThat(got.getData()[0]).isEqualTo((byte) 1);
      assertThat(got.getSocketAddress()).isEqualTo(endpoint.localAddress());
      assertThat(endpoint.datagramsOut()).isEqualTo(1);
    }
  }

  @Test
  void oversizeDatagramsAreDroppedNotSent() throws Exception {
    InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    try (UdpEndpoint endpoint = UdpEndpoint.bind(any)) {
      byte[] big = new byte[UdpEndpoint.MAX_DATAGRAM_BYTES + UdpEndpoint.SEND_TAILROOM + 1];
      assertThat(endpoint.send(big, 0, big.length, endpoint.localAddress())).isFalse();
      assertThat(endpoint.sendsDropped()).isEqualTo(1);
      assertThat(endpoint.receiveBurst((d, o, l, s) -> {}, new DropCounters(), 4)).isZero();
    }
  }
}
