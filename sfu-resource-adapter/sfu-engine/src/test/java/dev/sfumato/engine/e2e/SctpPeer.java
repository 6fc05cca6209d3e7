package dev.sfumato.engine.e2e;

import dev.sfumato.engine.dtls.DtlsRole;
import dev.sfumato.engine.sctp.ChannelType;
import dev.sfumato.engine.sctp.DataChannel;
import dev.sfumato.engine.sctp.DataChannelListener;
import dev.sfumato.engine.sctp.DataChannels;
import dev.sfumato.engine.sctp.SctpAssociation;
import dev.sfumato.engine.sctp.SctpCloseReason;
import dev.sfumato.engine.sctp.SctpConfig;
import dev.sfumato.engine.sctp.SendStatus;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The browser side of data channels for a {@link TestPeer}: the engine's own SCTP association and
 * DCEP over the peer's DTLS session, driven by one thread of its own (the association is sans-I/O
 * and single-threaded) with a 5 ms timer poll.
 */
final class SctpPeer implements DataChannelListener, AutoCloseable {

  /** One message as the channel delivered it. */
  record Message(int streamId, boolean binary, byte[] data) {
    String text() {
      return new String(data, StandardCharsets.UTF_8);
    }
  }

  final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
  final BlockingQueue<DataChannel> opened = new LinkedBlockingQueue<>();
  final BlockingQueue<DataChannel> closed = new LinkedBlockingQueue<>();
  final CompletableFuture<Void> established = new CompletableFuture<>();
  final CompletableFuture<SctpCloseReason> ended = new CompletableFuture<>();
  private final ScheduledExecutorService loop =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "test-sctp-peer");
            t.setDaemon(true);
            return t;
          });
  private final TestPeer peer;
  private SctpAssociation sctp;
  private DataChannels channels;

  /** Builds the association on the peer's DTLS and sends INIT; {@code role} is the DTLS role. */
  SctpPeer(TestPeer peer, DtlsRole role) throws Exception {
    this.peer = peer;
    call(
        () -> {
          channels = new DataChannels(role, this);
          sctp =
              new SctpAssociation(
                  SctpConfig.webRtc().withMtu(1152),
                  (buf, off, len) -> peer.dtls().send(buf, off, len),
                  channels);
          channels.attach(sctp);
          return null;
        });
    peer.applicationData =
        packet -> {
          try {
            loop.execute(() -> sctp.receive(packet, 0, packet.length));
          } catch (RejectedExecutionException e) {
            // closed: the packet is lost like any other
          }
        };
    loop.scheduleWithFixedDelay(this::timers, 5, 5, TimeUnit.MILLISECONDS);
    call(
        () -> {
          sctp.connect();
          return null;
        });
  }

  private void timers() {
    long now = System.nanoTime();
    if (now - sctp.nextTimeoutNanos() >= 0) {
      sctp.onTimer(now);
    }
  }

  /** Runs {@code task} on the association's thread and waits for it. */
  <T> T call(Callable<T> task) throws Exception {
    return loop.submit(task).get(5, TimeUnit.SECONDS);
  }

  /** Opens a channel with DCEP; returns its stream id. */
  int open(String label, ChannelType type, long reliability) throws Exception {
    return call(() -> channels.open(label, "", type, reliability, 0).id());
  }

  SendStatus send(int streamId, byte[] data, boolean binary) throws Exception {
    return call(
        () ->
            binary
                ? channels.sendBinary(streamId, data)
                : channels.sendText(streamId, new String(data, StandardCharsets.UTF_8)));
  }

  SendStatus send(int streamId, String text) throws Exception {
    return send(streamId, text.getBytes(StandardCharsets.UTF_8), false);
  }

  /** Resets our outgoing stream (RFC 8831 §6.7 close). */
  void close(int streamId) throws Exception {
    call(
        () -> {
          channels.close(streamId);
          return null;
        });
  }

  Message next() throws InterruptedException {
    Message m = messages.poll(10, TimeUnit.SECONDS);
    if (m == null) {
      throw new AssertionError("no message within 10 s");
    }
    return m;
  }

  @Override
  public void ready() {
    established.complete(null);
  }

  @Override
  public void opened(DataChannel channel) {
    opened.add(channel);
  }

  @Override
  public void message(DataChannel channel, byte[] data, boolean binary) {
    messages.add(new Message(channel.id(), binary, data));
  }

  @Override
  public void closed(DataChannel channel) {
    closed.add(channel);
  }

  @Override
  public void associationClosed(SctpCloseReason reason) {
    ended.complete(reason);
  }

  @Override
  public void close() {
    loop.shutdownNow();
    peer.applicationData = packet -> {};
  }
}
