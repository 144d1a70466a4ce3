package dev.rootbot.bot.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.AwsRegion;
import dev.rootbot.bot.request.UserId;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Throws 10,000 generated texts at the grammar: mixtures of keywords, IDs, names, unicode and strings
 * that look like injections. Each must parse or be refused with a {@link UsageError}, never anything
 * else, and what comes out must be safe to post.
 */
class GrammarFuzzTest {
  private static final long SEED = 20261128L;
  private static final int TEXTS = 10_000;
  private static final UserId BOT = new UserId("U0ROOTBOT");
  private static final AccountDirectory DIRECTORY = new FakeAccountDirectory(Map.of(
      new AccountId("222222222222"), "prod-payments", new AccountId("333333333333"), "prod data"));

  private static final List<String> WORDS = List.of(
      "unlock", "bucket", "queue", "in", "account", "region", "because", "audit", "delete", "root", "credentials",
      "allow", "password", "recovery", "status", "help", "UNLOCK", "Because", "REGION", "In", "?",
      "history", "request", "History", "r-k3mwx2pqa7", "r-K3MWX2PQA7", "r-", "`r-aaaaaaaaaa`",
      "111122223333", "1111-2222-3333", "1111 2222 3333", "12345", "0000000000000", "222222222222", "-1",
      "prod-payments", "\"prod data\"", "“prod data”", "'prod data'", "‘x’", "`prod-logs`", "\"", "“", "'",
      "prod-logs", "a", "Prod-Logs", "x".repeat(64), "192.168.1.1", "xn--abc", "logs.example.com", "s3://prod-logs/",
      "arn:aws:s3:::prod-logs", "payments-events", "orders.fifo", "https://sqs.eu-west-1.amazonaws.com/222222222222/q",
      "https://sqs.eu-west-1.amazonaws.com/q", "arn:aws:sqs:us-east-1:222222222222:jobs", "arn:aws:sqs:bad",
      "http://[::1", "https://", "eu-west-1", "us-east-1", "mars-north-1", "EU-WEST-1",
      "<!channel>", "<!here|@here>", "<!subteam^S0614TZR7|@oncall>", "<https://evil.example|click>",
      "<http://logs.example.com|logs.example.com>", "<@U024BE7LH>", "<@U024BE7LH|alice>", "<#C0INC42|inc>",
      "<mailto:a@b.c|a@b.c>", "<", ">", "<>", "&amp;", "&lt;", "&gt;", "&", "|", "<<!channel>>",
      "'; DROP TABLE requests; --", "${jndi:ldap://x/a}", "%s%n", "\\", "\u0000", "\u202Eevil", "e\u0301",
      "日本", "🙂", "\uD83D", "\uDE42", "\u00A0", "\u200B", "INC-42", "locked", "us", "out", ".", ",", ":", "!",
      "…", "–", "—", "*bold*", "_it_", "~s~");
  private static final List<String> GAPS = List.of(" ", " ", " ", "", "  ", "\u00A0", "\t", "\n", "\u2003");

  @Test
  void every_text_parses_or_is_refused_with_a_usage_error() {
    var random = new SplittableRandom(SEED);
    var grammar = new Grammar("/root");
    int parsed = 0;
    int tasks = 0;
    for (int i = 0; i < TEXTS; i++) {
      String text = random.nextInt(4) == 0 ? mutated(random) : generated(random);
      try {
        Command command = random.nextBoolean()
            ? grammar.parse(text)
            : grammar.parseMention("<@U0ROOTBOT> " + text, BOT);
        parsed++;
        if (command instanceof AskFor ask) {
          ask.reason().ifPresent(reason -> assertThat(reason.text()).as(text).doesNotContain("<!"));
          ask.toTask(ask.account().resolve(DIRECTORY), AwsRegion.US_EAST_1);
          tasks++;
        }
      } catch (UsageError e) {
        assertThat(e.getMessage()).as(text).isNotBlank().doesNotContain("<");
      } catch (RuntimeException e) {
        throw new AssertionError("text #" + i + " " + printable(text) + " threw " + e, e);
      }
    }
    // The generator must reach deep into the grammar, not only fail on the first word.
    assertThat(parsed).isGreaterThan(TEXTS / 10);
    assertThat(tasks).isGreaterThan(TEXTS / 50);
  }

  private static String generated(SplittableRandom random) {
    var text = new StringBuilder();
    int words = 1 + random.nextInt(14);
    for (int w = 0; w < words; w++) {
      text.append(WORDS.get(random.nextInt(WORDS.size()))).append(GAPS.get(random.nextInt(GAPS.size())));
    }
    return text.toString();
  }

  /** A valid command with a few characters changed: near misses find the edges of the grammar. */
  private static String mutated(SplittableRandom random) {
    TaskForm kind = TaskForm.values()[random.nextInt(TaskForm.values().length)];
    var text = new StringBuilder(kind.example(""));
    int edits = random.nextInt(4);
    for (int e = 0; e < edits && text.length() > 1; e++) {
      int at = random.nextInt(text.length());
      switch (random.nextInt(3)) {
        case 0 -> text.deleteCharAt(at);
        case 1 -> text.insert(at, WORDS.get(random.nextInt(WORDS.size())));
        default -> text.setCharAt(at, (char) random.nextInt(0x20, 0x3000));
      }
    }
    return text.toString();
  }

  private static String printable(String text) {
    var out = new StringBuilder("\"");
    text.codePoints().forEach(c -> out.append(c < 0x20 || c > 0x7E ? String.format("\\u%04X", c) : Character.toString(c)));
    return out.append('"').toString();
  }
}
