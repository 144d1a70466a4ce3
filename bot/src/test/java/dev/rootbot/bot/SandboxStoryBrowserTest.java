package dev.rootbot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootbot.sandbox.slack.page.Chromium;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The story a new user tries first, in real Chromium against {@code rootbot sandbox}: the unmodified bot, the
 * sandbox's Slack page and the simulated AWS demo organization. Its last screenshot is the README's picture
 * ({@code target/screenshots/sandbox-story.png}, copied to {@code docs/sandbox.png}).
 */
class SandboxStoryBrowserTest {
  private static final String UNLOCK =
      "/root unlock bucket payments-audit-logs in account prod-payments because INC-42 locked us out";
  private Chromium chromium;
  private SandboxMode sandbox;

  @AfterEach
  void stop() {
    if (chromium != null) {
      chromium.close();
    }
    if (sandbox != null) {
      sandbox.close();
    }
  }

  @Test
  void alice_asks_her_own_approval_is_refused_bob_approves_and_the_page_shows_what_the_root_session_did() {
    chromium = Chromium.start();
    sandbox = SandboxMode.start(0, 0, 0);
    ChromeDriver browser = chromium.driver();

    browser.get(sandbox.slack.baseUrl() + "/?as=alice&channel=incident-42");
    await(By.cssSelector("#live.live"));
    type(UNLOCK);
    WebElement card = text(By.cssSelector("#messages .message.from-bot"), "Waiting for approval");
    String ts = card.getAttribute("data-ts");
    assertThat(card.getText()).contains("Root task: unlock bucket payments-audit-logs", "S3UnlockBucketPolicy",
        "prod-payments", "222222222222", "INC-42 locked us out",
        "What will change", "Will remove the bucket policy", "DenyEveryone", "sha256");
    int previews = sandbox.aws.calls().withAction("sts:AssumeRoot").size(); // the preview's, before the card

    approve(ts);
    text(By.cssSelector("#messages .message.ephemeral"), "someone else must approve it");
    assertThat(sandbox.aws.calls().withAction("sts:AssumeRoot")).hasSize(previews);

    browser.findElement(By.cssSelector(".person[data-user='U0BOB0000']")).click();
    text(By.id("viewer"), "(bob)");
    approve(ts);

    text(By.cssSelector(".message[data-ts='" + ts + "']"), "Done");
    chromium.waiting().until(d -> { // the card may be drawn again meanwhile: find the link afresh
      d.findElement(By.cssSelector(".message[data-ts='" + ts + "'] .thread-link")).click();
      return true;
    });
    WebElement result = text(By.id("thread-messages"), "Done: unlock bucket payments-audit-logs");
    assertThat(result.getText()).contains("s3:DeleteBucketPolicy", "CloudTrail");
    List<WebElement> links = browser.findElements(By.cssSelector("#thread-messages a[href*='cloudtrailv2']"));
    assertThat(links).extracting(a -> a.getAttribute("href"))
        .anySatisfy(href -> assertThat(href).contains("#/events?AccessKeyId=ASIA"));

    chromium.screenshot("sandbox-thread");

    browser.findElement(By.id("aws-toggle")).click(); // closes the thread, opens the AWS panel
    text(By.cssSelector(".aws-resource[data-name='payments-audit-logs'] .badge"), "NO POLICY");
    chromium.waiting().until(d -> { // the panel redraws as events arrive: retry a click on a replaced tab
      d.findElement(By.cssSelector(".aws-tab[data-tab='trail']")).click();
      return true;
    });
    await(By.cssSelector(".trail-event.assume-root[data-event-name='AssumeRoot']"));
    WebElement delete = await(By.cssSelector(".trail-event.root[data-event-name='DeleteBucketPolicy']"));
    assertThat(delete.getText()).contains("prod-payments (222222222222)");
    assertThat(sandbox.aws.buckets().policy("222222222222", "payments-audit-logs")).isEmpty();
    Path picture = chromium.screenshot("sandbox-story");
    assertThat(picture).isNotEmptyFile();
  }

  private void approve(String ts) {
    chromium.waiting().until(d -> d.findElement(By.cssSelector(".message[data-ts='" + ts + "'] button[data-action-id='approve']")))
        .click();
    await(By.cssSelector(".confirm-dialog .confirm-yes")).click();
    chromium.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".confirm-dialog")));
  }

  private void type(String text) {
    WebElement composer = chromium.driver().findElement(By.id("composer-input"));
    composer.sendKeys(text);
    composer.sendKeys(Keys.ENTER);
  }

  private WebElement await(By by) {
    return chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  private WebElement text(By by, String text) {
    return chromium.waiting().withTimeout(java.time.Duration.ofSeconds(30))
        .withMessage(() -> "no \"" + text + "\" in " + by + "; the page shows: "
            + chromium.driver().findElements(by).stream().map(WebElement::getText).toList())
        .until(d -> d.findElements(by).stream().filter(e -> e.getText().contains(text)).findFirst().orElse(null));
  }
}
