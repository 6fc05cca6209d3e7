package dev.sfumato.signal.rtc;

import dev.sfumato.rooms.live.SignalSink;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.logging.Level;
import java.util.logging.Logger;
import livekit.LivekitRtc.SignalResponse;

/**
 * Signal messages to one WebSocket, one binary frame each, in order, never blocking the caller: a
 * queue drained by asynchronous sends. A client that lets {@value #MAX_QUEUED} messages pile up is
 * disconnected (1008) instead of growing the queue.
 */
final class WebSocketSink implements SignalSink {
  private static final Logger LOG = Logger.getLogger(WebSocketSink.class.getName());
  static final int MAX_QUEUED = 1024;

  private final Session session;
  private final ArrayDeque<ByteBuffer> queue = new ArrayDeque<>();
  private boolean sending;
  private String closeReason;
  private boolean closed;

  WebSocketSink(Session session) {
    this.session = session;
  }

  @Override
  public synchronized void send(SignalResponse message) {
    if (closed || closeReason != null) {
      return;
    }
    if (queue.size() >= MAX_QUEUED) {
      closeNow(CloseReason.CloseCodes.VIOLATED_POLICY, "signal queue overflow");
      return;
    }
    queue.add(ByteBuffer.wrap(message.toByteArray()));
    if (!sending) {
      sendNext();
    }
  }

  @Override
  public synchronized void close(String reason) {
    if (closed || closeReason != null) {
      return;
    }
    closeReason = reason == null ? "" : reason;
    if (!sending) {
      closeNow(CloseReason.CloseCodes.NORMAL_CLOSURE, closeReason);
    }
  }

  private void sendNext() {
    ByteBuffer next = queue.poll();
    if (next == null) {
      sending = false;
      if (closeReason != null) {
        closeNow(CloseReason.CloseCodes.NORMAL_CLOSURE, closeReason);
      }
      return;
    }
    sending = true;
    try {
      session
          .getAsyncRemote()
          .sendBinary(
              next,
              result -> {
                synchronized (this) {
                  if (result.isOK()) {
                    sendNext();
                  } else {
                    closeNow(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "send failed");
                  }
                }
              });
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "signal send failed", e);
      closeNow(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "send failed");
    }
  }

  /** Closes the WebSocket with {@code code}; the reason is cut to the 123 bytes a frame allows. */
  synchronized void closeNow(CloseReason.CloseCode code, String reason) {
    if (closed) {
      return;
    }
    closed = true;
    queue.clear();
    try {
      session.close(new CloseReason(code, truncate(reason)));
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.FINE, "closing signal connection", e);
    }
  }

  private static String truncate(String reason) {
    byte[] b = reason.getBytes(StandardCharsets.UTF_8);
    return b.length <= 120 ? reason : new String(b, 0, 120, StandardCharsets.UTF_8);
  }
}
