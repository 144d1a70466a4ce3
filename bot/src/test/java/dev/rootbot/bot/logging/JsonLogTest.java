package dev.rootbot.bot.logging;

import static dev.rootbot.sandbox.slack.SlackWorkspace.ALICE;
import static dev.rootbot.sandbox.slack.SlackWorkspace.INCIDENT_42;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.rootbot.bot.Eventually;
import dev.rootbot.bot.Sandboxed;
import dev.rootbot.sandbox.aws.Seed;
import dev.rootbot.sandbox.slack.Message;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ROOTBOT_LOG_FORMAT=json}, in a real process started as {@code rootbot serve}: every line it writes is one
 * JSON object, and a line about a request carries the request's and the replica's IDs.
 */
class JsonLogTest {
  private final Sandboxed sandbox = Sandboxed.start(Seed.demo(),
      Map.of("ROOTBOT_LOG_FORMAT", "json", "ROOTBOT_REPLICA_ID", "replica-a"), Clock.systemUTC());
  private Process child;

  @AfterEach
  void close() throws InterruptedException {
    if (child != null) {
      child.destroy();
      child.waitFor();
    }
    sandbox.close();
  }

  @Test
  void every_line_is_json_and_a_requests_lines_carry_its_id_and_the_replica() throws Exception {
    sandbox.bot.close();
    child = sandbox.startBotProcess(Sandboxed.freePort());
    // Slack turns the card away once: the outbox logs that it will retry, a line about this request.
    sandbox.slack.faults().rateLimit("chat.postMessage", 1, Duration.ofSeconds(1));
    sandbox.slack.as(ALICE).slashCommand("/root", "audit account prod-data", INCIDENT_42);
    Message card = sandbox.card(INCIDENT_42);
    Matcher id = Pattern.compile("r-[a-z2-7]{10}").matcher(card.allText());
    assertThat(id.find()).isTrue();

    List<JsonObject> lines = Eventually.within(Sandboxed.WAIT, () -> Optional.of(parsedLines())
        .filter(all -> all.stream().anyMatch(line -> formatted(line).contains("retrying"))));

    assertThat(lines).anySatisfy(line -> assertThat(formatted(line)).contains("Rootbot is up"));
    JsonObject retry = lines.stream().filter(line -> formatted(line).contains("retrying")).findFirst().orElseThrow();
    assertThat(formatted(retry)).contains(id.group());
    assertThat(retry.getAsJsonObject("mdc").get(RequestLog.REQUEST_ID).getAsString()).isEqualTo(id.group());
    assertThat(retry.getAsJsonObject("mdc").get(RequestLog.REPLICA_ID).getAsString()).isEqualTo("replica-a");
    assertThat(retry.get("level").getAsString()).isEqualTo("INFO");
    assertThat(retry.get("loggerName").getAsString()).isEqualTo("dev.rootbot.bot.slack.OutboxSender");
  }

  /** Every line of the child's output, each of which must parse as a JSON object. */
  private List<JsonObject> parsedLines() {
    try {
      return Files.readAllLines(sandbox.childLog()).stream().filter(line -> !line.isBlank())
          .map(line -> {
            try {
              return JsonParser.parseString(line).getAsJsonObject();
            } catch (RuntimeException e) {
              throw new AssertionError("not a JSON object: " + line, e);
            }
          }).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String formatted(JsonObject line) {
    return line.has("formattedMessage") ? line.get("formattedMessage").getAsString() : "";
  }

}
