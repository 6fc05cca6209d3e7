package dev.sfumato.engine.dtls;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Records a session's events so a test can wait for them. */
final class RecordingListener implements DtlsListener {

  record Failure(DtlsFailureReason reason, String detail) {}

  final CompletableFuture<SrtpKeyMaterial> connected = new CompletableFuture<>();
  final CompletableFuture<Failure> failed = new CompletableFuture<>();
  final CompletableFuture<Void> closed = new CompletableFuture<>();
  final LinkedBlockingQueue<byte[]> data = new LinkedBlockingQueue<>();
  final AtomicInteger terminalCalls = new AtomicInteger();

  @Override
  public void onConnected(SrtpKeyMaterial keys) {
    connected.complete(keys);
  }

  @Override
  public void onApplicationData(byte[] buf, int off, int len) {
    data.add(Arrays.copyOfRange(buf, off, off + len));
  }

  @Override
  public void onFailed(DtlsFailureReason reason, String detail) {
    terminalCalls.incrementAndGet();
    failed.complete(new Failure(reason, detail));
  }

  @Override
  public void onClosed() {
    terminalCalls.incrementAndGet();
    closed.complete(null);
  }

  SrtpKeyMaterial awaitConnected() throws Exception {
    return connected.get(10, TimeUnit.SECONDS);
  }

  Failure awaitFailure() throws Exception {
    return failed.get(10, TimeUnit.SECONDS);
  }

  byte[] awaitData() throws InterruptedException {
    return data.poll(10, TimeUnit.SECONDS);
  }
}
