package dev.sfumato.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from Debian, driven by Debian's chromedriver (CLIENTS.md): a fake camera and
 * microphone, a fresh profile per instance, loopback ICE candidates allowed. Each page gets its own
 * window so that none is throttled as a background tab.
 */
final class Browser implements AutoCloseable {
  static final String CHROMIUM = System.getProperty("sfumato.it.chromium", "/usr/bin/chromium");
  static final String CHROMEDRIVER =
      System.getProperty("sfumato.it.chromedriver", "/usr/bin/chromedriver");

  private final ChromeDriver driver;
  private final Path profile;

  Browser() throws IOException {
    profile = Files.createTempDirectory("sfumato-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--use-fake-device-for-media-stream",
        "--use-fake-ui-for-media-stream",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--no-default-browser-check",
        "--autoplay-policy=no-user-gesture-required",
        "--allow-loopback-in-peer-connection",
        "--disable-background-timer-throttling",
        "--disable-renderer-backgrounding",
        "--disable-backgrounding-occluded-windows",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
  }

  /** Opens the page in a new window and returns its handle. */
  String open(String url) {
    if (!driver.getWindowHandles().isEmpty() && driver.getCurrentUrl().startsWith("http")) {
      driver.switchTo().newWindow(WindowType.WINDOW);
    }
    driver.get(url);
    return driver.getWindowHandle();
  }

  Object run(String window, String script) {
    driver.switchTo().window(window);
    return ((JavascriptExecutor) driver).executeScript(script);
  }

  /** Runs an async page function (a promise) and returns its result. */
  Object await(String window, String expression) {
    driver.switchTo().window(window);
    return ((JavascriptExecutor) driver)
        .executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "Promise.resolve("
                + expression
                + ").then(done, e => done({error: String(e)}));");
  }

  /** Polls {@code expression} in the window until {@code until} holds or the time is up. */
  @SuppressWarnings("unchecked")
  Map<String, Object> poll(
      String window, String expression, Predicate<Map<String, Object>> until, Duration limit)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    Map<String, Object> last = null;
    while (System.nanoTime() < deadline) {
      Object value = await(window, expression);
      last = value instanceof Map ? (Map<String, Object>) value : Map.of("value", value);
      if (until.test(last)) {
        return last;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("timed out after " + limit + "; last: " + last);
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }
}
