package dev.rootbot.sandbox.slack.page;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless at 1280×800 with a fresh profile, driven through Debian's chromedriver; never a
 * browser Selenium downloads. When either is missing, {@link #start()} skips the test instead of failing it.
 * Shared with the bot module's browser test through the sandbox's test jar.
 */
public final class Chromium implements AutoCloseable {
  static final Path BROWSER = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final Path profile;
  private final ChromeDriver driver;

  private Chromium(Path profile, ChromeDriver driver) {
    this.profile = profile;
    this.driver = driver;
  }

  /** Starts the browser, or skips the calling test when Chromium is not installed. */
  public static Chromium start() {
    assumeTrue(Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER),
        "The sandbox page's browser tests need Chromium: apt-get install -y chromium chromium-driver");
    try {
      Path profile = Files.createTempDirectory("rootbot-page-chromium");
      ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
          .usingAnyFreePort().build();
      ChromeOptions options = new ChromeOptions();
      options.setBinary(BROWSER.toFile());
      options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
          "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
          "--disable-sync", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,800", "--lang=en-US");
      ChromeDriver driver = new ChromeDriver(service, options);
      fitViewport(driver, 1280, 800);
      return new Chromium(profile, driver);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sizes the window so that the page itself, not the window around it, is {@code width}×{@code height}. */
  private static void fitViewport(ChromeDriver driver, int width, int height) {
    List<?> inner = (List<?>) driver.executeScript("return [window.innerWidth, window.innerHeight];");
    Dimension window = driver.manage().window().getSize();
    driver.manage().window().setSize(new Dimension(
        window.getWidth() + width - ((Number) inner.get(0)).intValue(),
        window.getHeight() + height - ((Number) inner.get(1)).intValue()));
  }

  public ChromeDriver driver() {
    return driver;
  }

  /** Waits up to ten seconds, re-checking every 50 ms. */
  public WebDriverWait waiting() {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    wait.pollingEvery(Duration.ofMillis(50));
    // The page replaces a message's element when the message changes, as Slack's client does.
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  /** Saves what the browser shows as {@code target/screenshots/NAME.png}, for people to look at. */
  public Path screenshot(String name) {
    // Two animation frames: the one that draws the latest change, and one after it, so the picture is complete.
    driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
        + " requestAnimationFrame(() => requestAnimationFrame(() => done()));");
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // A profile left in the temporary directory harms nothing.
    }
  }
}
