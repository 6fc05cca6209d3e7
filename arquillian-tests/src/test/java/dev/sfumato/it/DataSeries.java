package dev.sfumato.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A series of {@link #COUNT} distinct reliable messages of {@link #SIZE} bytes, published by the
 * meet page and checked on the receiving page's log: all there, in order, each byte right (by
 * hash). Message {@code i} is its index in five digits, a colon, then the alphabet rotated by
 * {@code i} and repeated: ASCII, so the page and Java build the same bytes.
 */
final class DataSeries {
  static final int COUNT = 200;
  static final int SIZE = 4096;

  private DataSeries() {}

  static byte[] message(int i) {
    StringBuilder b = new StringBuilder(SIZE).append(String.format("%05d:", i));
    for (int j = 0; b.length() < SIZE; j++) {
      b.append((char) ('a' + (i + j) % 26));
    }
    return b.toString().getBytes(UTF_8);
  }

  /** A page expression that publishes the series on {@code topic}, one message after another. */
  private static String publishScript(String topic) {
    return "(async () => {"
        + " const a = 'abcdefghijklmnopqrstuvwxyz';"
        + " for (let i = 0; i < "
        + COUNT
        + "; i++) {"
        + "  const r = i % 26;"
        + "  const fill = (a.slice(r) + a.slice(0, r)).repeat(Math.ceil("
        + SIZE
        + " / 26)).slice(0, "
        + (SIZE - 6)
        + ");"
        + "  await window.meet.publishData(String(i).padStart(5, '0') + ':' + fill,"
        + "   {reliable: true, topic: "
        + MeetPage.js(topic)
        + "});"
        + " }"
        + " return {sent: "
        + COUNT
        + "}; })()";
  }

  /**
   * Has {@code from} publish the series on {@code topic} and waits until {@code to} has received
   * {@link #COUNT} messages of it; returns {@code to}'s log. The sending runs in the page on its
   * own, polled rather than awaited in one script: through injected loss it may take longer than
   * WebDriver's 30 s script timeout.
   */
  static List<Map<String, Object>> sendAndReceive(
      MeetPage from, MeetPage to, String topic, Duration limit) throws InterruptedException {
    String slot = "window.dataSeries[" + MeetPage.js(topic) + "]";
    from.run(
        "window.dataSeries = window.dataSeries || {};"
            + slot
            + " = {pending: true};"
            + publishScript(topic)
            + ".then(r => { "
            + slot
            + " = r; }, e => { "
            + slot
            + " = {error: String(e && e.message || e)}; });");
    try {
      return to.awaitReceived(topic, COUNT, limit);
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; the sender: " + from.run("return " + slot), e);
    }
  }

  /** {@code got}, a received log, is the whole series from {@code from}, in order. */
  static void assertComplete(List<Map<String, Object>> got, String from) {
    assertThat(got).as("messages of the series").hasSize(COUNT);
    for (int i = 0; i < COUNT; i++) {
      Map<String, Object> e = got.get(i);
      assertThat((String) e.get("head")).as("message %d", i).startsWith(String.format("%05d:", i));
      assertThat(LiveKitDataIT.number(e, "size")).as("size of message %d", i).isEqualTo(SIZE);
      assertThat(e.get("hash")).as("hash of message %d", i).isEqualTo(MeetPage.fnv1a(message(i)));
      assertThat(e).containsEntry("kind", "reliable").containsEntry("from", from);
    }
  }
}
