package dev.sfumato.it;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One participant: the server's meet page ({@code /meet/}, livekit-client 2.23.0) in its own window
 * of a {@link Browser}, driven through the page's {@code window.meet} API (documented in meet.js).
 * State and stats come back as the JSON-like maps and lists Selenium makes of JavaScript objects.
 */
final class MeetPage {
  static final String PAGE = Server.URL + "/meet/";

  /** The signaling URL the SDK is given: it appends {@code /rtc} or {@code /rtc/v1} itself. */
  static final String SIGNAL_URL = "ws://127.0.0.1:" + Server.HTTP_PORT;

  /** The SDK's worst case: two WebSocket timeouts of 15 s, two validate calls of 3 s, slack. */
  static final Duration JOIN_LIMIT = Duration.ofSeconds(60);

  private final Browser browser;
  private final String window;

  private MeetPage(Browser browser, String window) {
    this.browser = browser;
    this.window = window;
  }

  /** Opens the meet page in a new window of {@code browser}. */
  static MeetPage open(Browser browser) {
    return new MeetPage(browser, browser.open(PAGE));
  }

  /**
   * Joins with {@code token}; {@code singlePeerConnection} true is protocol v1, false v0. Returns
   * the page's state after connecting, or a map whose {@code error} says why it did not. The
   * promise is polled rather than awaited in one script: the SDK may try v1, v0 and their validate
   * endpoints with 15 s timeouts each, longer than WebDriver's 30 s script timeout.
   */
  Map<String, Object> join(String token, boolean singlePeerConnection) throws InterruptedException {
    startJoin(token, singlePeerConnection);
    return browser.poll(
        window, "window.meetJoin || {pending: true}", s -> !s.containsKey("pending"), JOIN_LIMIT);
  }

  /**
   * Starts {@link #join} without waiting; {@code window.meetJoin} holds its outcome when there is
   * one. (livekit-client 2.23.0 retries forever while both validate endpoints answer 404.)
   */
  void startJoin(String token, boolean singlePeerConnection) {
    browser.run(
        window,
        "window.meetJoin = undefined;"
            + "window.meet.join("
            + js(SIGNAL_URL)
            + ", "
            + js(token)
            + ", {singlePeerConnection: "
            + singlePeerConnection
            + "}).then(s => { window.meetJoin = s; },"
            + " e => { window.meetJoin = {error: String(e && e.message || e)}; })");
  }

  /** {@link #join} that must succeed. */
  MeetPage joined(String token, boolean singlePeerConnection) throws InterruptedException {
    requireOk(join(token, singlePeerConnection), "join");
    return this;
  }

  /** Publishes the fake camera and microphone. */
  MeetPage publish() {
    requireOk(call("window.meet.publish()"), "publish");
    return this;
  }

  void setMicMuted(boolean muted) {
    requireOk(call("window.meet.setMicMuted(" + muted + ")"), "setMicMuted");
  }

  void leave() {
    requireOk(call("window.meet.leave()"), "leave");
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> state() {
    return (Map<String, Object>) browser.run(window, "return window.meet.state()");
  }

  /** Per remote track sid: kind, framesDecoded, frameWidth, bytesReceived, packetsReceived. */
  Map<String, Object> stats() {
    return call("window.meet.stats()");
  }

  /** Polls {@code window.meet.state()} until {@code until} holds. */
  Map<String, Object> awaitState(Predicate<Map<String, Object>> until, Duration limit)
      throws InterruptedException {
    return browser.poll(window, "window.meet.state()", until, limit);
  }

  /** Polls {@code window.meet.stats()} until {@code until} holds. */
  Map<String, Object> awaitStats(Predicate<Map<String, Object>> until, Duration limit)
      throws InterruptedException {
    return browser.poll(window, "window.meet.stats()", until, limit);
  }

  /** Runs any script in the page's window (for DOM checks). */
  Object run(String script) {
    return browser.run(window, script);
  }

  // ---- data messages (meet-data.js) --------------------------------------------------------

  /**
   * publishData of {@code text} as UTF-8; {@code to} empty: everyone. Returns {bytes} or {error}.
   */
  Map<String, Object> publishData(String text, String topic, boolean reliable, List<String> to) {
    return call(
        "window.meet.publishData("
            + js(text)
            + ", {reliable: "
            + reliable
            + ", topic: "
            + js(topic)
            + ", destinationIdentities: "
            + jsList(to)
            + "})");
  }

  /** The DataReceived log of {@code topic}: {count, entries: [{from, topic, kind, ...}]}. */
  Map<String, Object> received(String topic) {
    return call("window.meet.received(" + js(topic) + ")");
  }

  /** Polls {@link #received} until it holds at least {@code count} entries. */
  List<Map<String, Object>> awaitReceived(String topic, int count, Duration limit)
      throws InterruptedException {
    return entries(
        browser.poll(
            window, "window.meet.received(" + js(topic) + ")", r -> count(r) >= count, limit));
  }

  void registerRpcEcho(String method) {
    browser.run(window, "window.meet.registerRpcEcho(" + js(method) + ")");
  }

  /** [{method, caller, payload}] of this page's echo methods. */
  @SuppressWarnings("unchecked")
  List<Map<String, Object>> rpcInvocations() {
    return (List<Map<String, Object>>) browser.run(window, "return window.meet.rpcInvocations()");
  }

  /** {response} or {error, code}. */
  Map<String, Object> performRpc(String destination, String method, String payload) {
    return call(
        "window.meet.performRpc(" + js(destination) + ", " + js(method) + ", " + js(payload) + ")");
  }

  /** A text data stream; {@code to} empty: everyone. Returns {id, size} or {error}. */
  Map<String, Object> sendText(String text, String topic, List<String> to) {
    return call(
        "window.meet.sendText("
            + js(text)
            + ", {topic: "
            + js(topic)
            + ", destinationIdentities: "
            + jsList(to)
            + "})");
  }

  void registerTextStreamHandler(String topic) {
    browser.run(window, "window.meet.registerTextStreamHandler(" + js(topic) + ")");
  }

  /** Polls the text stream log of {@code topic} until it holds at least {@code count}. */
  List<Map<String, Object>> awaitTextStreams(String topic, int count, Duration limit)
      throws InterruptedException {
    return entries(
        browser.poll(
            window, "window.meet.textStreams(" + js(topic) + ")", r -> count(r) >= count, limit));
  }

  /** {subscriberPrimary}: what the join response said. */
  Map<String, Object> dataInfo() {
    return call("window.meet.dataInfo()");
  }

  /** Polls {@code window.meet.dataInfo()} until {@code until} holds. */
  Map<String, Object> awaitDataInfo(Predicate<Map<String, Object>> until, Duration limit)
      throws InterruptedException {
    return browser.poll(window, "window.meet.dataInfo()", until, limit);
  }

  /** Runs an async expression (a promise) in the page and returns what it resolves to. */
  Map<String, Object> await(String expression) {
    return call(expression);
  }

  /** FNV-1a 32 of {@code bytes} in 8 hex digits: the {@code hash} of the page's logs. */
  static String fnv1a(byte[] bytes) {
    int h = 0x811c9dc5;
    for (byte b : bytes) {
      h ^= b & 0xff;
      h *= 0x01000193;
    }
    return String.format("%08x", h);
  }

  static long count(Map<String, Object> log) {
    return log.get("count") instanceof Number n ? n.longValue() : 0;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> entries(Map<String, Object> log) {
    return log.get("entries") instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
  }

  // ---- reading state() and stats() ---------------------------------------------------------

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> remotes(Map<String, Object> state) {
    Object r = state.get("remotes");
    return r instanceof List ? (List<Map<String, Object>>) r : List.of();
  }

  /** The remote participant {@code identity} in {@code state}, or null. */
  static Map<String, Object> remote(Map<String, Object> state, String identity) {
    return remotes(state).stream()
        .filter(p -> identity.equals(p.get("identity")))
        .findFirst()
        .orElse(null);
  }

  /** The track of {@code kind} ("audio", "video") of {@code identity}, or null. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> track(Map<String, Object> state, String identity, String kind) {
    Map<String, Object> p = remote(state, identity);
    if (p == null || !(p.get("tracks") instanceof List)) {
      return null;
    }
    return ((List<Map<String, Object>>) p.get("tracks"))
        .stream().filter(t -> kind.equals(t.get("kind"))).findFirst().orElse(null);
  }

  /** True if {@code identity}'s audio and video tracks are both subscribed. */
  static boolean subscribedToBoth(Map<String, Object> state, String identity) {
    return isTrue(track(state, identity, "audio"), "subscribed")
        && isTrue(track(state, identity, "video"), "subscribed");
  }

  /** A number from a stats entry of the track {@code sid}, 0 if absent. */
  @SuppressWarnings("unchecked")
  static long stat(Map<String, Object> stats, Object sid, String name) {
    Object entry = stats.get(String.valueOf(sid));
    if (!(entry instanceof Map)) {
      return 0;
    }
    Object v = ((Map<String, Object>) entry).get(name);
    return v instanceof Number n ? n.longValue() : 0;
  }

  static boolean isTrue(Map<String, Object> map, String key) {
    return map != null && Boolean.TRUE.equals(map.get(key));
  }

  static String error(Map<String, Object> result) {
    Object e = result.get("error");
    return e == null ? null : e.toString();
  }

  // ---- plumbing ----------------------------------------------------------------------------

  @SuppressWarnings("unchecked")
  private Map<String, Object> call(String expression) {
    Object value = browser.await(window, expression);
    return value instanceof Map ? (Map<String, Object>) value : new java.util.HashMap<>();
  }

  private static void requireOk(Map<String, Object> result, String what) {
    if (error(result) != null) {
      throw new AssertionError(what + " failed: " + error(result));
    }
  }

  /** A JavaScript array of string literals. */
  static String jsList(List<String> items) {
    return items.stream()
        .map(MeetPage::js)
        .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
  }

  /**
   * A JavaScript string literal, or {@code null}. Every character outside printable ASCII is a
   * UTF-16 escape, so any Java string (emoji as surrogate pairs) arrives unchanged.
   */
  static String js(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7e) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
