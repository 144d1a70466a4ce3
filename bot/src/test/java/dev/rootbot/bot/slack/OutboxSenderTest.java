package dev.rootbot.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.google.gson.JsonSyntaxException;
import com.slack.api.RequestConfigurator;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import dev.rootbot.bot.Eventually;
import dev.rootbot.bot.card.Card;
import dev.rootbot.bot.metrics.Metrics;
import dev.rootbot.bot.request.SampleRequests;
import dev.rootbot.bot.store.Outgoing;
import dev.rootbot.bot.store.ReplicaId;
import dev.rootbot.bot.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * What the sender does with answers from Slack that are not answers (nothing lost, and the log says what it was), and
 * how it sends several requests' messages at once.
 */
class OutboxSenderTest {
  @TempDir
  Path folder;

  @Test
  void a_200_whose_body_is_not_json_is_retried_and_logged_as_slacks_not_as_the_store() throws Exception {
    MethodsClient slack = mock(MethodsClient.class);
    when(slack.chatPostMessage(any(RequestConfigurator.class)))
        .thenThrow(new JsonSyntaxException("Expected BEGIN_OBJECT but was STRING at line 1 column 1 <html>"));
    var logged = new ListAppender<ILoggingEvent>();
    logged.start();
    ((Logger) LoggerFactory.getLogger(OutboxSender.class)).addAppender(logged);
    try (Store store = Store.open("sqlite:" + folder.resolve("rootbot.db"), Clock.systemUTC());
        var metrics = new Metrics()) {
      var request = store.requests().file(SampleRequests.asked(),
          filed -> List.of(new Outgoing(Outgoing.Kind.POST_CARD, "")));
      var sender = new OutboxSender(store, slack, new Card(Duration.ofMinutes(15)), Clock.systemUTC(), metrics,
          new ReplicaId("replica-a"));

      assertThat(sender.sendDue()).isZero();

      assertThat(store.outbox().pending()).isEqualTo(1); // kept, to try again
      assertThat(store.requests().find(request.id()).orElseThrow().card()).isEmpty();
      assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage)
          .anySatisfy(line -> assertThat(line).contains("Slack's answer could not be read"))
          .noneSatisfy(line -> assertThat(line).contains("store"));
      assertThat(metrics.value("rootbot_slack_messages_total", "kind", "POST_CARD", "outcome", "retried")).isEqualTo(1);
    } finally {
      ((Logger) LoggerFactory.getLogger(OutboxSender.class)).detachAppender(logged);
    }
  }

  @Test
  void a_card_slack_is_slow_to_take_does_not_hold_back_another_requests_card() throws Exception {
    MethodsClient slack = mock(MethodsClient.class);
    var firstCall = new java.util.concurrent.atomic.AtomicBoolean(true);
    var slow = new java.util.concurrent.CountDownLatch(1);
    var posted = new java.util.concurrent.ConcurrentLinkedQueue<String>();
    when(slack.chatPostMessage(any(RequestConfigurator.class))).thenAnswer(call -> {
      if (firstCall.getAndSet(false)) {
        slow.await(30, java.util.concurrent.TimeUnit.SECONDS); // Slack takes its time with this one
      }
      String ts = "1764331200." + String.format("%06d", posted.size() + 1);
      posted.add(ts);
      var answer = new com.slack.api.methods.response.chat.ChatPostMessageResponse();
      answer.setOk(true);
      answer.setTs(ts);
      return answer;
    });
    try (Store store = Store.open("sqlite:" + folder.resolve("rootbot.db"), Clock.systemUTC());
        var metrics = new Metrics()) {
      var first = store.requests().file(SampleRequests.asked(), filed -> List.of(new Outgoing(Outgoing.Kind.POST_CARD, "")));
      var second = store.requests().file(SampleRequests.asked(), filed -> List.of(new Outgoing(Outgoing.Kind.POST_CARD, "")));
      try (var sender = new OutboxSender(store, slack, new Card(Duration.ofMinutes(15)), Clock.systemUTC(), metrics,
          new ReplicaId("replica-a")).start()) {
        sender.nudge();

        Eventually.within(Duration.ofSeconds(10), () -> store.requests().find(second.id()).orElseThrow().card()
            .or(() -> store.requests().find(first.id()).orElseThrow().card()));
        assertThat(slow.getCount()).isEqualTo(1); // the slow post is still waiting for Slack
        slow.countDown();
        Eventually.within(Duration.ofSeconds(10), () -> java.util.Optional.of(0).filter(n -> store.outbox().pending() == n));
      }
      assertThat(posted).hasSize(2);
      assertThat(store.requests().find(first.id()).orElseThrow().card()).isPresent();
      assertThat(store.requests().find(second.id()).orElseThrow().card()).isPresent();
    }
  }
}
