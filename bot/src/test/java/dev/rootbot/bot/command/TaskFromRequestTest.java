package dev.rootbot.bot.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.AllowPasswordRecovery;
import dev.rootbot.actions.task.AuditRootCredentials;
import dev.rootbot.actions.task.AwsRegion;
import dev.rootbot.actions.task.BucketName;
import dev.rootbot.actions.task.DeleteRootCredentials;
import dev.rootbot.actions.task.QueueRef;
import dev.rootbot.actions.task.RootTask;
import dev.rootbot.actions.task.UnlockBucket;
import dev.rootbot.actions.task.UnlockQueue;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** From words to a task: resolving the account by name, and choosing the region. */
class TaskFromRequestTest {
  private static final Grammar GRAMMAR = new Grammar("/root");
  private static final AccountDirectory DIRECTORY = FakeAccountDirectory.demo();
  private static final AwsRegion DEFAULT = AwsRegion.parse("us-west-2");
  private static final AccountId PAYMENTS = new AccountId("222222222222");
  private static final AccountId DATA = new AccountId("333333333333");

  static Stream<Arguments> tasks() {
    return Stream.of(
        arguments("a bucket with no region gets the default",
            "unlock bucket data-lake-raw in account prod-data because INC-9",
            new UnlockBucket(DATA, BucketName.of("data-lake-raw"), DEFAULT)),
        arguments("a bucket with a region keeps it",
            "unlock bucket data-lake-raw in account prod-data region eu-west-1 because INC-9",
            new UnlockBucket(DATA, BucketName.of("data-lake-raw"), AwsRegion.parse("eu-west-1"))),
        arguments("a queue by name with no region gets the default",
            "unlock queue payments-events in account prod-payments because INC-43",
            new UnlockQueue(PAYMENTS, QueueRef.parse("payments-events"), DEFAULT)),
        arguments("a queue by URL takes the URL's region",
            "unlock queue https://sqs.eu-central-1.amazonaws.com/222222222222/payments-events in account"
                + " prod-payments because INC-43",
            new UnlockQueue(PAYMENTS,
                QueueRef.parse("https://sqs.eu-central-1.amazonaws.com/222222222222/payments-events"),
                AwsRegion.parse("eu-central-1"))),
        arguments("a queue by name with a region keeps it",
            "unlock queue payments-events in account prod-payments region ap-south-1 because INC-43",
            new UnlockQueue(PAYMENTS, QueueRef.parse("payments-events"), AwsRegion.parse("ap-south-1"))),
        arguments("an account name in another case",
            "audit account PROD-DATA", new AuditRootCredentials(DATA)),
        arguments("an account by ID needs no directory",
            "delete root credentials in account 999988887777 because SEC-1 leaked",
            new DeleteRootCredentials(new AccountId("999988887777"))),
        arguments("password recovery by name",
            "allow password recovery in account dev-playground because billing owner",
            new AllowPasswordRecovery(new AccountId("444444444444"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tasks")
  void a_request_becomes_its_task(String description, String text, RootTask expected) {
    AskFor ask = (AskFor) GRAMMAR.parse(text);

    assertThat(ask.toTask(ask.account().resolve(DIRECTORY), DEFAULT)).isEqualTo(expected);
  }

  static Stream<Arguments> refusals() {
    return Stream.of(
        arguments("a queue URL of another account than the one named",
            "unlock queue https://sqs.us-east-1.amazonaws.com/333333333333/jobs in account prod-payments because INC-1",
            "belongs to account 333333333333, not to 222222222222"),
        arguments("a name nobody has, with close names suggested",
            "audit account prod-paymnts", "no account is named \"prod-paymnts\". Did you mean prod-payments?"),
        arguments("a name nobody has, nothing close",
            "audit account marketing", "no account is named \"marketing\". Give the account's name"),
        arguments("a name two accounts share",
            "audit account sandbox", "2 accounts are named \"sandbox\" (666666666666, 777777777777)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void a_request_that_cannot_become_a_task_says_why(String description, String text, String problem) {
    AskFor ask = (AskFor) GRAMMAR.parse(text);

    UsageError error = catchThrowableOfType(UsageError.class,
        () -> ask.toTask(ask.account().resolve(DIRECTORY), DEFAULT));

    assertThat(error.problem()).contains(problem);
  }

  @Test
  void a_region_that_contradicts_the_queue_is_refused_even_when_the_account_was_a_name() {
    AskFor ask = (AskFor) GRAMMAR.parse("unlock queue arn:aws:sqs:us-east-1:222222222222:jobs in account"
        + " prod-payments region eu-west-1 because INC-1");

    UsageError error = catchThrowableOfType(UsageError.class, () -> ask.toTask(PAYMENTS, DEFAULT));

    assertThat(error.problem()).contains("says region us-east-1 but you asked for region eu-west-1");
  }

  @Test
  void close_matches_are_few_edits_apart_or_contain_the_name() {
    var names = java.util.List.of("prod-payments", "prod-data", "dev-playground", "security-tooling");

    assertThat(CloseMatches.to("prod-dta", names)).containsExactly("prod-data");
    assertThat(CloseMatches.to("playground", names)).containsExactly("dev-playground");
    assertThat(CloseMatches.to("zz", names)).isEmpty();
    assertThat(CloseMatches.distance("kitten", "sitting")).isEqualTo(3);
  }
}
