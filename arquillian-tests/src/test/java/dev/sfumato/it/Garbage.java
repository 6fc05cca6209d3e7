package dev.sfumato.it;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Malformed datagrams for the media port, one kind per RFC 7983 range: random bytes, truncated
 * STUN, STUN checks for a real ufrag with a wrong MESSAGE-INTEGRITY, DTLS-looking records, RTP with
 * an extension length that overruns the packet, RTP whose padding overruns, RTCP whose length
 * overruns, and datagrams larger than any MTU.
 */
final class Garbage {
  private final Random random = new Random(42);
  private final String knownUfrag;

  Garbage(String knownUfrag) {
    this.knownUfrag = knownUfrag;
  }

  /** Sends {@code count} datagrams of rotating kinds to each port; returns how many were sent. */
  int send(int count, int... ports) throws IOException {
    int sent = 0;
    try (DatagramSocket socket = new DatagramSocket()) {
      InetAddress loopback = InetAddress.getLoopbackAddress();
      for (int i = 0; i < count; i++) {
        byte[] d = next(i);
        for (int port : ports) {
          socket.send(new DatagramPacket(d, d.length, loopback, port));
          sent++;
        }
      }
    }
    return sent;
  }

  private byte[] next(int i) {
    return switch (i % 8) {
      case 0 -> randomBytes(1 + random.nextInt(1200));
      case 1 -> java.util.Arrays.copyOf(stunCheck(), 10 + random.nextInt(20)); // truncated STUN
      case 2 -> stunCheck(); // real ufrag, wrong integrity
      case 3 -> withFirstByte(22, 13 + random.nextInt(200)); // DTLS handshake-looking record
      case 4 -> rtpExtensionOverrun();
      case 5 -> rtpPaddingOverrun();
      case 6 -> rtcpLengthOverrun();
      default -> randomBytes(1600); // larger than the MTU
    };
  }

  private byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  private byte[] withFirstByte(int first, int n) {
    byte[] b = randomBytes(n);
    b[0] = (byte) first;
    return b;
  }

  /** A Binding request with USERNAME "<ufrag>:x" and a MESSAGE-INTEGRITY of zeros. */
  private byte[] stunCheck() {
    byte[] user = (knownUfrag + ":x").getBytes(StandardCharsets.US_ASCII);
    int userPadded = (user.length + 3) & ~3;
    int attrs = 4 + userPadded + 4 + 20;
    byte[] b = new byte[20 + attrs];
    b[0] = 0x00;
    b[1] = 0x01; // Binding request
    b[2] = (byte) (attrs >> 8);
    b[3] = (byte) attrs;
    b[4] = 0x21;
    b[5] = 0x12;
    b[6] = (byte) 0xA4;
    b[7] = 0x42; // magic cookie
    for (int i = 8; i < 20; i++) {
      b[i] = (byte) random.nextInt();
    }
    int at = 20;
    b[at + 1] = 0x06; // USERNAME
    b[at + 3] = (byte) user.length;
    System.arraycopy(user, 0, b, at + 4, user.length);
    at += 4 + userPadded;
    b[at + 1] = 0x08; // MESSAGE-INTEGRITY, value left zero
    b[at + 3] = 20;
    return b;
  }

  private byte[] rtpExtensionOverrun() {
    byte[] b = randomBytes(40);
    b[0] = (byte) 0x90; // V=2, X=1
    b[1] = 96;
    b[12] = (byte) 0xBE;
    b[13] = (byte) 0xDE;
    b[14] = 0x7F; // 32,000+ words of extension in a 40-byte packet
    b[15] = (byte) 0xFF;
    return b;
  }

  private byte[] rtpPaddingOverrun() {
    byte[] b = randomBytes(30);
    b[0] = (byte) 0xA0; // V=2, P=1
    b[1] = 96;
    b[29] = (byte) 200; // more padding than the packet has
    return b;
  }

  private byte[] rtcpLengthOverrun() {
    byte[] b = randomBytes(28);
    b[0] = (byte) 0x81;
    b[1] = (byte) 201; // RR
    b[2] = 0x10;
    b[3] = 0x00; // 4,096 words
    return b;
  }
}
