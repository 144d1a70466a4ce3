package dev.rootbot.sandbox.slack.page;

import static dev.rootbot.sandbox.slack.SlackWorkspace.ALICE;
import static dev.rootbot.sandbox.slack.SlackWorkspace.BOB;
import static dev.rootbot.sandbox.slack.SlackWorkspace.INCIDENT_42;
import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import dev.rootbot.sandbox.aws.CallerKey;
import dev.rootbot.sandbox.aws.Seed;
import dev.rootbot.sandbox.aws.SimulatedAws;
import dev.rootbot.sandbox.slack.Message;
import dev.rootbot.sandbox.slack.Person;
import dev.rootbot.sandbox.slack.SlackWorkspace;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The sandbox page in real Chromium, against the workspace, a Rootbot-shaped Bolt app and the simulated AWS:
 * what people see and that what they do reaches the bot as them. Each test saves a screenshot in
 * {@code target/screenshots}.
 */
class SandboxPageBrowserTest {
  static final String UNLOCK = "/root unlock bucket payments-audit-logs in account prod-payments because the auditors"
      + " are locked out & need logs";

  static final By CARDS = By.cssSelector("#messages .message.from-bot");

  static Chromium chromium;
  static ChromeDriver driver;
  static SlackWorkspace workspace;
  static FakeRootbot bot;
  static SimulatedAws aws;
  static MethodsClient slack;

  @BeforeAll
  static void start() {
    chromium = Chromium.start();
    driver = chromium.driver();
    workspace = SlackWorkspace.onFreePort();
    bot = FakeRootbot.start(workspace);
    aws = SimulatedAws.start(Seed.demo());
    workspace.showAws(aws.endpoint());
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(workspace.apiUrl());
    config.setStatsEnabled(false);
    slack = Slack.getInstance(config).methods(workspace.botToken());
  }

  @AfterAll
  static void stop() {
    if (chromium != null) {
      chromium.close();
      bot.close();
      aws.close();
      workspace.close();
    }
  }

  @BeforeEach
  void forget() {
    workspace.reset();
    bot.forget();
  }

  @Test
  void the_person_switcher_changes_who_acts_so_a_click_arrives_as_bob() {
    open(ALICE);
    assertThat(person(ALICE).getText()).contains("alice", "Alice Archer", "Engineer");
    assertThat(person(SlackWorkspace.CAROL).getText()).contains("Approver (group)", "in @rootbot-approvers");
    assertThat(person(SlackWorkspace.DAVE).getText()).contains("guest");
    assertThat(driver.findElements(By.cssSelector(".person[data-user='" + SlackWorkspace.ERIN.id() + "']"))).isEmpty();
    type(UNLOCK);
    WebElement card = card();
    assertThat(card.findElement(By.cssSelector(".author")).getText()).isEqualTo("Rootbot");

    actAs(BOB);
    card().findElement(By.cssSelector("button[data-action-id='deny']")).click();
    WebElement form = await(By.cssSelector(".modal"));
    assertThat(form.findElement(By.cssSelector(".modal-title")).getText()).isEqualTo("Deny req-1");
    input("deny_block").findElement(By.tagName("textarea")).sendKeys("not during the change freeze");
    form.findElement(By.cssSelector(".modal-submit")).click();

    awaitText(CARDS, "Denied by @bob: not during the change freeze");
    assertThat(bot.clicks()).containsExactly("deny req-1 by " + BOB.id());
    assertThat(workspace.openViews(BOB)).isEmpty();
    assertThat(person(BOB).getAttribute("aria-pressed")).isEqualTo("true");
    chromium.screenshot("person-switcher");

    driver.get(workspace.baseUrl() + "/?as=carol&channel=platform");
    awaitText(By.id("viewer"), "Carol Chen (carol)");
    assertThat(driver.findElement(By.id("channel-name")).getText()).isEqualTo("platform");
    chromium.waiting().until(d -> d.getCurrentUrl().endsWith("?as=carol&channel=platform"));
  }

  @Test
  void approve_asks_first_only_confirming_sends_the_click_and_the_card_changes_in_place() {
    open(ALICE);
    type(UNLOCK);
    String ts = card().getAttribute("data-ts");
    driver.executeScript("window.__sameDocument = true;");
    actAs(BOB);

    card().findElement(By.cssSelector("button[data-action-id='approve']")).click();
    WebElement dialog = await(By.cssSelector(".confirm-dialog"));
    assertThat(dialog.findElement(By.cssSelector(".dialog-title")).getText()).isEqualTo("Approve root task?");
    assertThat(dialog.findElement(By.cssSelector(".dialog-body strong")).getText()).isEqualTo("prod-payments");
    assertThat(dialog.findElement(By.cssSelector(".dialog-body")).getText())
        .contains("It can do only this, for at most 15 minutes.");
    chromium.screenshot("confirm-dialog");
    dialog.findElement(By.cssSelector(".confirm-deny")).click();
    chromium.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".confirm-dialog")));

    card().findElement(By.cssSelector("button[data-action-id='approve']")).click();
    await(By.cssSelector(".confirm-dialog .confirm-yes")).click();

    WebElement updated = awaitText(By.cssSelector(".message[data-ts='" + ts + "']"), "Approved by @bob");
    assertThat(updated.findElements(By.cssSelector("button[data-action-id='approve']"))).isEmpty();
    assertThat(bot.clicks()).containsExactly("approve req-1 by " + BOB.id());
    assertThat(driver.findElements(By.cssSelector("#messages .message.from-bot"))).hasSize(1);
    assertThat(driver.executeScript("return window.__sameDocument === true;")).isEqualTo(true);
  }

  @Test
  void the_approval_card_draws_every_block_rootbot_uses() {
    open(ALICE);
    type(UNLOCK);
    WebElement card = card();

    assertThat(card.findElement(By.cssSelector(".bk-header")).getText())
        .isEqualTo("🔐 Root task: unlock bucket payments-audit-logs");
    WebElement intro = card.findElements(By.cssSelector(".bk-section")).get(0);
    assertThat(intro.getText()).isEqualTo("@alice asks for a root session in prod-payments (222222222222)");
    assertThat(intro.findElement(By.cssSelector(".mention")).getText()).isEqualTo("@alice");
    assertThat(intro.findElement(By.cssSelector("strong")).getText()).isEqualTo("prod-payments");
    assertThat(intro.findElement(By.cssSelector("code.inline-code")).getText()).isEqualTo("222222222222");
    List<WebElement> fields = card.findElements(By.cssSelector(".bk-fields .bk-field"));
    assertThat(fields).extracting(f -> f.findElement(By.tagName("strong")).getText())
        .containsExactly("Task", "Task policy", "Account", "Resource", "Region", "Requested by");
    assertThat(fields.get(1).findElement(By.cssSelector("code")).getText()).isEqualTo("S3UnlockBucketPolicy");
    assertThat(driver.executeScript("return getComputedStyle(arguments[0]).gridTemplateColumns.split(' ').length;",
        card.findElement(By.cssSelector(".bk-fields")))).isEqualTo(2L);
    assertThat(fields.get(0).getLocation().getY()).isEqualTo(fields.get(1).getLocation().getY());
    assertThat(card.findElement(By.cssSelector("blockquote.quote")).getText())
        .isEqualTo("the auditors are locked out & need logs");
    List<WebElement> context = card.findElements(By.cssSelector(".bk-context"));
    assertThat(context).hasSize(2);
    assertThat(context.get(0).getText()).startsWith("🔒 Root session of at most 15 min").contains("s3:GetBucketPolicy");
    assertThat(context.get(0).findElements(By.cssSelector("code"))).hasSize(5);
    assertThat(context.get(1).getText()).startsWith("⚠️ Changes are recorded");
    assertThat(card.findElements(By.cssSelector("hr.bk-divider"))).hasSize(1);
    WebElement waiting = card.findElements(By.cssSelector(".bk-section")).get(3);
    assertThat(waiting.getText()).startsWith("⏳ Waiting for approval by someone other than @alice. Expires ");
    assertThat(waiting.findElement(By.cssSelector("time.date")).getText())
        .matches("(today|tomorrow) at \\d{1,2}:\\d{2} [AP]M");
    assertThat(card.findElement(By.cssSelector("button[data-action-id='approve']")).getAttribute("class"))
        .contains("primary");
    assertThat(card.findElement(By.cssSelector("button[data-action-id='deny']")).getAttribute("class"))
        .contains("danger");
    WebElement cancel = card.findElement(By.cssSelector("button[data-action-id='cancel']"));
    assertThat(cancel.getText()).isEqualTo("Cancel request");
    assertThat(cancel.getAttribute("class")).isEqualTo("bk-button");
    assertThat(card.getText()).doesNotContain("&amp;", "&lt;", "<!date", ":lock:", "*", "`");
    chromium.screenshot("card");
  }

  @Test
  void thread_replies_appear_live_in_the_open_thread() throws Exception {
    open(ALICE);
    type(UNLOCK);
    String ts = card().getAttribute("data-ts");
    driver.executeScript("window.__sameDocument = true;");
    workspace.as(BOB).click(INCIDENT_42, ts, "approve");

    awaitText(CARDS, "2 replies").findElement(By.cssSelector(".thread-link")).click();
    WebElement thread = await(By.id("thread"));
    WebElement result = awaitText(By.id("thread-messages"), "✅ Done: unlock bucket payments-audit-logs");
    assertThat(result.getText()).contains("• s3:GetBucketPolicy read the policy", "Before (kept as the backup");
    assertThat(thread.findElement(By.cssSelector("pre.code-block")).getText()).startsWith("{\"Version\":\"2012-10-17\"");
    WebElement link = thread.findElement(By.linkText("Root session events in prod-payments"));
    assertThat(link.getAttribute("href")).startsWith("https://us-east-1.console.aws.amazon.com/cloudtrailv2/");
    assertThat(link.getAttribute("target")).isEqualTo("_blank");
    assertThat(link.getAttribute("rel")).isEqualTo("noopener noreferrer");

    WebElement reply = driver.findElement(By.id("thread-input"));
    reply.sendKeys("@rootbot status", Keys.ENTER);
    awaitText(By.id("thread-messages"), "🔍 No requests are waiting for approval.");
    slack.chatPostMessage(r -> r.channel(INCIDENT_42).threadTs(ts).text(":gear: A reply posted while you watch"));

    awaitText(By.id("thread-messages"), "⚙️ A reply posted while you watch");
    awaitText(CARDS, "5 replies");
    assertThat(workspace.thread(INCIDENT_42, ts)).extracting(Message::text).contains("<@U0ROOTBOT> status");
    assertThat(driver.executeScript("return window.__sameDocument === true;")).isEqualTo(true);
    chromium.screenshot("thread");
  }

  @Test
  void a_file_shared_in_a_thread_shows_its_title_size_and_a_download_link() throws Exception {
    open(ALICE);
    type(UNLOCK);
    String ts = card().getAttribute("data-ts");
    String csv = "account_id,account_name,password\n222222222222,prod-payments,false\n";
    slack.filesUploadV2(r -> r.channel(INCIDENT_42).threadTs(ts).initialComment("The full report")
        .filename("audit-<all>.csv").title("Audit of 1 account").content(csv));

    awaitText(CARDS, "1 reply").findElement(By.cssSelector(".thread-link")).click();
    WebElement file = awaitText(By.cssSelector("#thread-messages .file"), "Audit of 1 account");
    assertThat(file.findElement(By.cssSelector(".file-meta")).getText())
        .isEqualTo("audit-<all>.csv · CSV · " + csv.length() + " B");
    WebElement link = file.findElement(By.cssSelector("a.download"));
    assertThat(link.getAttribute("download")).isEqualTo("audit-<all>.csv");
    String id = file.getAttribute("data-file-id");
    assertThat(link.getAttribute("href")).isEqualTo(workspace.baseUrl() + "/page/files/" + id);
    Object fetched = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
        + "fetch(arguments[0]).then(r => r.text()).then(done, e => done('failed: ' + e));", link.getAttribute("href"));
    assertThat(fetched).isEqualTo(csv);
    assertThat(awaitText(By.id("thread-messages"), "The full report").getText()).contains("Download");
    chromium.screenshot("thread-file");
  }

  @Test
  void an_ephemeral_message_is_shown_only_to_the_person_it_is_for() {
    open(ALICE);
    assertThat(awaitText(By.id("messages"), "No messages yet").getText()).contains("try /root help");

    type("/root bogus <words>");

    WebElement ephemeral = awaitText(By.cssSelector("#messages .message.ephemeral"), "Only visible to you");
    assertThat(ephemeral.getText()).contains("⚠️ I did not understand bogus <words>. Try /root help.");
    chromium.screenshot("ephemeral");
    actAs(BOB);
    awaitText(By.id("messages"), "No messages yet");
    assertThat(driver.findElements(By.cssSelector("#messages .message.ephemeral"))).isEmpty();
    actAs(ALICE);
    await(By.cssSelector("#messages .message.ephemeral"));
  }

  @Test
  void the_form_offers_the_bots_options_shows_errors_under_their_input_and_submits() {
    open(ALICE);
    type("/root");

    WebElement modal = await(By.cssSelector(".modal"));
    assertThat(modal.findElement(By.cssSelector(".modal-title")).getText()).isEqualTo("Ask for a root task");
    assertThat(modal.findElements(By.cssSelector(".bk-label"))).extracting(WebElement::getText)
        .containsExactly("Task", "Account", "Bucket or queue (optional)", "Reason");
    assertThat(modal.findElements(By.cssSelector(".bk-hint"))).extracting(WebElement::getText)
        .containsExactly("Type part of its name or ID", "Leave it empty for an audit", "Approvers read this");
    assertThat(input("reason_block").findElement(By.tagName("textarea")).isDisplayed()).isTrue();
    assertThat(modal.findElement(By.cssSelector(".modal-close")).getText()).isEqualTo("Cancel");
    modal.findElement(By.cssSelector(".modal-submit")).click();
    assertThat(input("task_block").findElement(By.cssSelector(".bk-error")).getText())
        .isEqualTo("Please complete this required field.");

    new org.openqa.selenium.support.ui.Select(input("task_block").findElement(By.tagName("select")))
        .selectByValue("unlock bucket");
    input("account_block").findElement(By.tagName("input")).sendKeys("prod");
    List<WebElement> options = chromium.waiting().until(ExpectedConditions.numberOfElementsToBe(
        By.cssSelector(".bk-option"), 2));
    assertThat(options).extracting(WebElement::getText)
        .containsExactly("prod-payments (222222222222)", "prod-data (333333333333)");
    chromium.screenshot("form-options");
    options.get(0).click();
    assertThat(input("account_block").findElement(By.tagName("input")).getAttribute("value"))
        .isEqualTo("prod-payments (222222222222)");
    input("resource_block").findElement(By.tagName("input")).sendKeys("payments-audit-logs");
    input("reason_block").findElement(By.tagName("textarea")).sendKeys("logs");
    modal.findElement(By.cssSelector(".modal-submit")).click();

    awaitText(input("reason_block").findElement(By.cssSelector(".bk-error")), "Say why in at least 10 characters.");
    assertThat(input("reason_block").getAttribute("class")).contains("has-error");
    assertThat(input("task_block").findElement(By.cssSelector(".bk-error")).isDisplayed()).isFalse();
    chromium.screenshot("form-errors");
    input("reason_block").findElement(By.tagName("textarea")).sendKeys(" for the quarterly audit");
    modal.findElement(By.cssSelector(".modal-submit")).click();

    chromium.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal")));
    assertThat(card().findElement(By.cssSelector("blockquote")).getText()).isEqualTo("logs for the quarterly audit");
    assertThat(workspace.openViews(ALICE)).isEmpty();
  }

  @Test
  void the_aws_panel_shows_the_organization_a_locked_bucket_and_what_a_root_session_did() {
    open(ALICE);
    WebElement payments = await(By.cssSelector(".aws-account[data-account-id='222222222222']"));
    assertThat(payments.getText()).contains("prod-payments", "ACTIVE");
    WebElement bucket = payments.findElement(By.cssSelector(".aws-resource[data-name='payments-audit-logs']"));
    assertThat(bucket.findElement(By.cssSelector(".badge")).getText()).isEqualTo("LOCKED");
    assertThat(payments.findElement(By.cssSelector(".aws-resource[data-name='payments-events'] .badge")).getText())
        .isEqualTo("LOCKED");
    bucket.findElement(By.tagName("summary")).click();
    assertThat(awaitText(By.cssSelector(".aws-resource[data-name='payments-audit-logs'] pre.json"),
        "\"Sid\": \"DenyEveryone\"").getText())
        .contains("\"Principal\": \"*\"");
    assertThat(driver.findElement(By.cssSelector(".aws-account[data-account-id='333333333333']")).getText())
        .contains("password", "key AKIA3333ROOTKEYEXMPL", "certificate EXAMPLE3333ROOTSIGNINGCERT000001",
            "MFA root-account-mfa-device");
    assertThat(driver.findElement(By.cssSelector(".aws-account[data-account-id='555555555555']")).getText())
        .contains("no root credentials");
    assertThat(driver.findElement(By.cssSelector(".aws-features")).getText())
        .contains("✓ RootCredentialsManagement", "✓ RootSessions");
    assertThat(driver.findElement(By.cssSelector(".aws-group[data-ou='Sandbox']")).getText()).contains("SCP DenyRootUser");
    chromium.screenshot("aws-organization");

    String key = unlockAsARootSession();

    awaitText(By.cssSelector(".aws-resource[data-name='payments-audit-logs'] .badge"), "NO POLICY");
    driver.findElement(By.cssSelector(".aws-tab[data-tab='trail']")).click();
    WebElement assume = await(By.cssSelector(".trail-event.assume-root[data-event-name='AssumeRoot']"));
    assertThat(assume.getText()).contains("AssumeRoot", "management (111111111111)", "AKIASANDBOXMANAGEMNT",
        "for prod-payments (222222222222)", "S3UnlockBucketPolicy", "issued " + key);
    WebElement delete = await(By.cssSelector(".trail-event.root[data-event-name='DeleteBucketPolicy']"));
    assertThat(delete.getAttribute("data-access-key-id")).isEqualTo(key);
    assertThat(delete.getText()).contains("Root", "prod-payments (222222222222)", "us-east-1", key);
    assertThat(driver.findElements(By.cssSelector(".trail-event.root"))).hasSize(2);
    chromium.screenshot("aws-cloudtrail");
  }

  @Test
  void typed_markup_is_shown_as_text_and_never_runs() throws Exception {
    open(ALICE);
    List<String> typed = List.of("<img src=x onerror=\"window.__pwned=1\">", "<script>window.__pwned=1</script>",
        "<https://evil.example|click me>");
    for (String text : typed) {
      type(text);
      awaitText(By.id("messages"), text);
    }
    type("@rootbot <img src=x onerror=\"window.__pwned=2\">");
    awaitText(By.cssSelector("#messages .message"), "1 reply").findElement(By.cssSelector(".thread-link")).click();
    awaitText(By.id("thread-messages"), "said: <img src=x onerror=\"window.__pwned=2\">");
    slack.chatPostMessage(r -> r.channel(INCIDENT_42).text("<javascript:window.__pwned=3|a script link> and"
        + " <https://example.com/ok|a web link>"));
    WebElement scripted = awaitText(By.id("messages"), "a script link and a web link");

    assertThat(driver.findElements(By.cssSelector(".messages img, .messages script"))).isEmpty();
    assertThat(driver.findElements(By.cssSelector("a[href*='evil.example'], a[href^='javascript']"))).isEmpty();
    assertThat(scripted.findElement(By.linkText("a web link")).getAttribute("rel")).isEqualTo("noopener noreferrer");
    assertThat(driver.executeScript("return typeof window.__pwned;")).isEqualTo("undefined");
    assertThat(workspace.messages(INCIDENT_42)).extracting(Message::text).contains(
        "&lt;https://evil.example|click me&gt;", "&lt;script&gt;window.__pwned=1&lt;/script&gt;");
    chromium.screenshot("typed-markup");
  }

  // ---- helpers ----

  /** Opens the page as {@code person} in #incident-42 and waits until it is live. */
  private static void open(Person person) {
    driver.get(workspace.baseUrl() + "/?as=" + person.id() + "&channel=" + INCIDENT_42);
    await(By.cssSelector("#live.live"));
    awaitText(By.id("viewer"), "(" + person.name() + ")");
  }

  private static void actAs(Person person) {
    person(person).click();
    awaitText(By.id("viewer"), "(" + person.name() + ")");
    chromium.waiting().until(d -> "true".equals(person(person).getAttribute("aria-pressed")));
  }

  private static WebElement person(Person person) {
    return driver.findElement(By.cssSelector(".person[data-user='" + person.id() + "']"));
  }

  private static void type(String text) {
    WebElement composer = driver.findElement(By.id("composer-input"));
    composer.sendKeys(text);
    composer.sendKeys(Keys.ENTER);
  }

  /** The bot's most recent card in the channel, once it is there. */
  private static WebElement card() {
    return chromium.waiting().until(d -> {
      List<WebElement> cards = d.findElements(By.cssSelector("#messages .message.from-bot"));
      return cards.isEmpty() ? null : cards.get(cards.size() - 1);
    });
  }

  private static WebElement input(String blockId) {
    return driver.findElement(By.cssSelector(".modal .bk-input[data-block-id='" + blockId + "']"));
  }

  private static WebElement await(By by) {
    return chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  private static WebElement awaitText(By by, String text) {
    return chromium.waiting().withMessage(() -> "no \"" + text + "\" in " + by + "; it shows: "
            + driver.findElements(by).stream().map(WebElement::getText).toList())
        .until(d -> d.findElements(by).stream().filter(e -> e.getText().contains(text)).findFirst().orElse(null));
  }

  private static WebElement awaitText(WebElement element, String text) {
    chromium.waiting().withMessage(() -> "no \"" + text + "\"; it shows: " + element.getText())
        .until((WebDriver d) -> element.getText().contains(text));
    return element;
  }

  /** What Rootbot does for an unlock, straight to the simulated AWS: AssumeRoot, then the session's S3 calls. */
  private static String unlockAsARootSession() {
    CallerKey management = aws.managementKey();
    Credentials session;
    try (StsClient sts = StsClient.builder().endpointOverride(aws.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(management.accessKeyId(),
            management.secretAccessKey()))).build()) {
      session = sts.assumeRoot(r -> r.targetPrincipal("222222222222")
          .taskPolicyArn(p -> p.arn("arn:aws:iam::aws:policy/root-task/S3UnlockBucketPolicy"))).credentials();
    }
    try (S3Client s3 = S3Client.builder().endpointOverride(aws.endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(session.accessKeyId(),
            session.secretAccessKey(), session.sessionToken()))).build()) {
      s3.getBucketPolicy(r -> r.bucket("payments-audit-logs"));
      s3.deleteBucketPolicy(r -> r.bucket("payments-audit-logs"));
    }
    return session.accessKeyId();
  }
}
