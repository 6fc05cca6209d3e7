package dev.sfumato.it;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A plain RTCPeerConnection with data channels in a Chromium window, against the server's data
 * channel loopback ({@code POST /live/loopback}). It runs on a server page (the meet page) only for
 * the origin: the POST is same-origin. The script below is installed as {@code window.echo}; every
 * call waits for its echo at most 10 s and answers a map.
 */
final class EchoPage {
  private static final String SCRIPT =
      """
      window.echo = (() => {
        const WAIT = 10000;
        const channels = {};
        let pc = null;

        function track(dc) {
          const c = { dc, inbox: [], waiters: [], closed: false };
          dc.binaryType = 'arraybuffer';
          dc.onmessage = (e) => {
            const w = c.waiters.shift();
            if (w) w(e.data); else c.inbox.push(e.data);
          };
          dc.onclose = () => { c.closed = true; };
          channels[dc.label] = c;
          return c;
        }

        function next(label) {
          const c = channels[label];
          if (c.inbox.length) return Promise.resolve(c.inbox.shift());
          return new Promise((resolve, reject) => {
            const w = (d) => { clearTimeout(t); resolve(d); };
            const t = setTimeout(() => {
              c.waiters.splice(c.waiters.indexOf(w), 1);
              reject(new Error(`no echo on ${label} within ${WAIT} ms`));
            }, WAIT);
            c.waiters.push(w);
          });
        }

        function until(test, what) {
          return new Promise((resolve, reject) => {
            const started = Date.now();
            const check = () => {
              if (test()) resolve();
              else if (Date.now() - started > WAIT) reject(new Error(`${what} within ${WAIT} ms`));
              else setTimeout(check, 20);
            };
            check();
          });
        }

        const opened = (c) => until(() => c.dc.readyState === 'open',
            `channel ${c.dc.label} not open (${c.dc.readyState})`);

        // Non-trickle: the offer goes out with all its candidates (host ones suffice on loopback).
        const gathered = () => until(() => pc.iceGatheringState === 'complete',
            'ICE gathering not complete').catch(() => {});

        async function connect(token) {
          pc = new RTCPeerConnection();
          const c = track(pc.createDataChannel('echo')); // ordered and reliable by default
          await pc.setLocalDescription(await pc.createOffer());
          await gathered();
          const resp = await fetch('/live/loopback', { method: 'POST', body: pc.localDescription.sdp,
            headers: { 'Content-Type': 'application/sdp', Authorization: 'Bearer ' + token } });
          const body = await resp.text();
          if (resp.status !== 201) return { status: resp.status, body };
          const location = resp.headers.get('Location');
          await pc.setRemoteDescription({ type: 'answer', sdp: body });
          await opened(c);
          return { status: resp.status, location, answer: body };
        }

        function pattern(size) {
          const b = new Uint8Array(size);
          for (let k = 0; k < size; k++) b[k] = (k * 31 + size) & 0xff;
          return b;
        }

        async function binary(label, size) {
          const sent = pattern(size);
          channels[label].dc.send(sent.buffer);
          const data = await next(label);
          if (!(data instanceof ArrayBuffer)) return { type: typeof data, size: data.length };
          const got = new Uint8Array(data);
          let mismatch = got.length === size ? -1 : Math.min(got.length, size);
          for (let k = 0; k < Math.min(got.length, size); k++) {
            if (got[k] !== sent[k]) { mismatch = k; break; }
          }
          return { type: 'binary', size: got.length, mismatch };
        }

        async function text(label, s) {
          try {
            channels[label].dc.send(s);
          } catch (e) {
            if (s === '') return { skipped: String(e) };
            throw e;
          }
          const data = await next(label);
          return typeof data === 'string' ? { type: 'string', text: data }
            : { type: 'binary', size: data.byteLength };
        }

        async function burst(label, n) {
          const c = channels[label];
          const body = (i) => `burst ${i} ` + 'y'.repeat(1000);
          for (let i = 0; i < n; i++) c.dc.send(body(i));
          const got = [];
          for (let i = 0; i < n; i++) got.push(await next(label));
          const inOrder = got.every((d, i) => d === body(i));
          return { inOrder, count: got.length, first: String(got[0]).slice(0, 12) };
        }

        async function open(label) {
          const c = track(pc.createDataChannel(label));
          await opened(c);
          return { readyState: c.dc.readyState, id: c.dc.id };
        }

        async function close(label) {
          const c = channels[label];
          c.dc.close();
          await until(() => c.closed, `no close event on ${label}`).catch(() => {});
          return { closed: c.closed, readyState: c.dc.readyState };
        }

        function status(label) {
          return { readyState: channels[label].dc.readyState, connectionState: pc.connectionState,
            sctpState: pc.sctp ? pc.sctp.state : null };
        }

        return { connect, binary, text, burst, open, close, status,
          closeAll: () => { pc.close(); return {}; } };
      })();
      """;

  private final Browser browser;
  private final String window;

  private EchoPage(Browser browser, String window) {
    this.browser = browser;
    this.window = window;
  }

  static EchoPage open(Browser browser) {
    EchoPage page = new EchoPage(browser, browser.open(MeetPage.PAGE));
    browser.run(page.window, SCRIPT);
    return page;
  }

  /** Offers one channel "echo", POSTs the offer: {status, location, answer} or {status, body}. */
  Map<String, Object> connect(String token) {
    return call("window.echo.connect(" + MeetPage.js(token) + ")");
  }

  /** Sends {@code size} patterned bytes: {type, size, mismatch (first wrong byte, -1: none)}. */
  Map<String, Object> binary(String label, int size) {
    return call("window.echo.binary(" + MeetPage.js(label) + ", " + size + ")");
  }

  /** Sends a string: {type, text} or {skipped} when Chromium refuses to send it. */
  Map<String, Object> text(String label, String text) {
    return call("window.echo.text(" + MeetPage.js(label) + ", " + MeetPage.js(text) + ")");
  }

  /** {@code n} strings of 1 KB at once: {inOrder, count, first}. */
  Map<String, Object> burst(String label, int n) {
    return call("window.echo.burst(" + MeetPage.js(label) + ", " + n + ")");
  }

  /** Opens another channel (DCEP): {readyState, id}. */
  Map<String, Object> open(String label) {
    return call("window.echo.open(" + MeetPage.js(label) + ")");
  }

  /** Closes a channel and waits for its close event: {closed, readyState}. */
  Map<String, Object> close(String label) {
    return call("window.echo.close(" + MeetPage.js(label) + ")");
  }

  /**
   * The channel's and the connection's states once the channel is closed or the connection has
   * ended, or as they are after {@code limit}: what a DELETE of the session does to the page.
   */
  Map<String, Object> awaitSettled(String label, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    Map<String, Object> status = call("window.echo.status(" + MeetPage.js(label) + ")");
    while (System.nanoTime() < deadline
        && "open".equals(status.get("readyState"))
        && "connected".equals(status.get("connectionState"))) {
      Thread.sleep(250);
      status = call("window.echo.status(" + MeetPage.js(label) + ")");
    }
    return status;
  }

  void closeAll() {
    call("window.echo.closeAll()");
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> call(String expression) {
    Object value = browser.await(window, expression);
    return value instanceof Map ? (Map<String, Object>) value : new HashMap<>();
  }
}
