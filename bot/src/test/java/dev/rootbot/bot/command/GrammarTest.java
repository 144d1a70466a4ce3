package dev.rootbot.bot.command;

import dev.rootbot.bot.text.SlackText;
import static dev.rootbot.bot.command.TaskForm.ALLOW_PASSWORD_RECOVERY;
import static dev.rootbot.bot.command.TaskForm.AUDIT_ROOT_CREDENTIALS;
import static dev.rootbot.bot.command.TaskForm.DELETE_ROOT_CREDENTIALS;
import static dev.rootbot.bot.command.TaskForm.UNLOCK_BUCKET;
import static dev.rootbot.bot.command.TaskForm.UNLOCK_QUEUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.AwsRegion;
import dev.rootbot.actions.task.BucketName;
import dev.rootbot.actions.task.QueueRef;
import dev.rootbot.bot.request.Reason;
import dev.rootbot.bot.request.RequestId;
import dev.rootbot.bot.request.UserId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class GrammarTest {
  private static final Grammar GRAMMAR = new Grammar("/root");
  private static final AccountRef ID = new AccountRef.Id(new AccountId("111122223333"));
  private static final Resource ROOT_USER = new Resource.RootUser();

  static Stream<Arguments> forms() {
    return Stream.of(
        arguments("unlock a bucket by account ID",
            "unlock bucket prod-logs in account 111122223333 because INC-42 locked us out",
            ask(UNLOCK_BUCKET, ID, bucket("prod-logs"), null, "INC-42 locked us out")),
        arguments("unlock a bucket in a region, by account name",
            "unlock bucket data-lake-raw in account prod-data region eu-west-1 because INC-9 lake is locked",
            ask(UNLOCK_BUCKET, name("prod-data"), bucket("data-lake-raw"), "eu-west-1", "INC-9 lake is locked")),
        arguments("\"in region\" reads like \"region\"",
            "unlock bucket prod-logs in account 111122223333 in region eu-west-1 because INC-42 locked",
            ask(UNLOCK_BUCKET, ID, bucket("prod-logs"), "eu-west-1", "INC-42 locked")),
        arguments("a bucket pasted as s3:// URL",
            "unlock bucket s3://prod-logs/ in account 111122223333 because INC-42 locked",
            ask(UNLOCK_BUCKET, ID, bucket("prod-logs"), null, "INC-42 locked")),
        arguments("a bucket pasted as its ARN",
            "unlock bucket arn:aws:s3:::prod-logs in account 111122223333 because INC-42 locked",
            ask(UNLOCK_BUCKET, ID, bucket("prod-logs"), null, "INC-42 locked")),
        arguments("unlock a queue by name",
            "unlock queue payments-events in account prod-payments because INC-43 consumers denied",
            ask(UNLOCK_QUEUE, name("prod-payments"), queue("payments-events"), null, "INC-43 consumers denied")),
        arguments("unlock a queue by URL",
            "unlock queue https://sqs.eu-west-1.amazonaws.com/111122223333/orders.fifo in account 111122223333"
                + " because INC-44 orders stuck",
            ask(UNLOCK_QUEUE, ID, queue("https://sqs.eu-west-1.amazonaws.com/111122223333/orders.fifo"), null,
                "INC-44 orders stuck")),
        arguments("unlock a queue by ARN with the same region given",
            "unlock queue arn:aws:sqs:us-east-1:111122223333:jobs in account 111122223333 region us-east-1"
                + " because INC-45",
            ask(UNLOCK_QUEUE, ID, queue("arn:aws:sqs:us-east-1:111122223333:jobs"), "us-east-1", "INC-45")),
        arguments("audit an account by ID",
            "audit account 111122223333",
            ask(AUDIT_ROOT_CREDENTIALS, ID, ROOT_USER, null, null)),
        arguments("audit keeps a reason when one is given",
            "audit account 111122223333 because quarterly review",
            ask(AUDIT_ROOT_CREDENTIALS, ID, ROOT_USER, null, "quarterly review")),
        arguments("audit also reads like the other credential tasks",
            "audit root credentials in account 111122223333",
            ask(AUDIT_ROOT_CREDENTIALS, ID, ROOT_USER, null, null)),
        arguments("delete root credentials",
            "delete root credentials in account 111122223333 because SEC-12 key leaked",
            ask(DELETE_ROOT_CREDENTIALS, ID, ROOT_USER, null, "SEC-12 key leaked")),
        arguments("allow password recovery",
            "allow password recovery in account dev-playground because owner needs billing access",
            ask(ALLOW_PASSWORD_RECOVERY, name("dev-playground"), ROOT_USER, null, "owner needs billing access")),
        arguments("status", "status", new Command.Status()),
        arguments("help", "help", new Command.Help()),
        arguments("help with words after it is still help", "help unlock", new Command.Help()),
        arguments("a question mark is help", "?", new Command.Help()),
        arguments("no text opens the form", "", new Command.OpenForm()),
        arguments("only spaces open the form", " \u00A0 \t", new Command.OpenForm()),
        arguments("keywords in any case",
            "UNLOCK Bucket prod-logs IN Account 111122223333 BECAUSE INC-42",
            ask(UNLOCK_BUCKET, ID, bucket("prod-logs"), null, "INC-42")),
        arguments("an account ID with dashes, as the console shows it",
            "audit account 1111-2222-3333",
            ask(AUDIT_ROOT_CREDENTIALS, ID, ROOT_USER, null, null)),
        arguments("an account ID with spaces",
            "audit account 1111 2222 3333",
            ask(AUDIT_ROOT_CREDENTIALS, ID, ROOT_USER, null, null)),
        arguments("an account name with spaces runs up to the next keyword",
            "delete root credentials in account Prod Payments EU because SEC-12",
            ask(DELETE_ROOT_CREDENTIALS, name("Prod Payments EU"), ROOT_USER, null, "SEC-12")),
        arguments("a quoted account name may contain a keyword",
            "audit account \"because region\"",
            ask(AUDIT_ROOT_CREDENTIALS, name("because region"), ROOT_USER, null, null)),
        arguments("smart quotes around an account name",
            "audit account “Prod Payments”",
            ask(AUDIT_ROOT_CREDENTIALS, name("Prod Payments"), ROOT_USER, null, null)),
        arguments("an apostrophe inside an unquoted name is kept",
            "audit account Bob's sandbox",
            ask(AUDIT_ROOT_CREDENTIALS, name("Bob's sandbox"), ROOT_USER, null, null)),
        arguments("backticks around a bucket, as people paste code",
            "unlock bucket `prod-logs` in account 111122223333 because INC-42",
            ask(UNLOCK_BUCKET, ID, bucket("prod-logs"), null, "INC-42")),
        arguments("non-breaking and odd spaces between words",
            "unlock\u00A0bucket\u2003prod-logs  in\u202Faccount\t111122223333 \u00A0because  INC-42   locked",
            ask(UNLOCK_BUCKET, ID, bucket("prod-logs"), null, "INC-42 locked")),
        arguments("zero-width characters pasted from a document",
            "audit\u200B account 1111\u200D22223333\uFEFF",
            ask(AUDIT_ROOT_CREDENTIALS, ID, ROOT_USER, null, null)),
        arguments("trailing punctuation after the last word",
            "audit account 111122223333.",
            ask(AUDIT_ROOT_CREDENTIALS, ID, ROOT_USER, null, null)),
        arguments("a comma after the account and a colon after because",
            "unlock bucket prod-logs in account 111122223333, because: INC-42",
            ask(UNLOCK_BUCKET, ID, bucket("prod-logs"), null, "INC-42")),
        arguments("the reason keeps its own punctuation and quotes",
            "allow password recovery in account 111122223333 because the owner said “urgent!”.",
            ask(ALLOW_PASSWORD_RECOVERY, ID, ROOT_USER, null, "the owner said “urgent!”.")),
        arguments("a word that is also a keyword can be the bucket",
            "unlock bucket because in account 111122223333 because INC-42",
            ask(UNLOCK_BUCKET, ID, bucket("because"), null, "INC-42")),
        arguments("a typographic dash in a bucket name",
            "unlock bucket prod–logs in account 111122223333 because INC-42",
            ask(UNLOCK_BUCKET, ID, bucket("prod-logs"), null, "INC-42")),
        arguments("a bucket Slack turned into a link shows what was typed",
            "unlock bucket <http://logs.example.com|logs.example.com> in account 111122223333 because INC-42",
            ask(UNLOCK_BUCKET, ID, bucket("logs.example.com"), null, "INC-42")),
        arguments("a queue URL Slack turned into a link",
            "unlock queue <https://sqs.us-east-1.amazonaws.com/111122223333/jobs> in account 111122223333"
                + " because INC-46",
            ask(UNLOCK_QUEUE, ID, queue("https://sqs.us-east-1.amazonaws.com/111122223333/jobs"), null, "INC-46")),
        arguments("an account name Slack escaped",
            "audit account R&amp;D",
            ask(AUDIT_ROOT_CREDENTIALS, name("R&D"), ROOT_USER, null, null)),
        arguments("a broadcast in the reason becomes plain words",
            "unlock bucket prod-logs in account 111122223333 because <!channel> is down",
            ask(UNLOCK_BUCKET, ID, bucket("prod-logs"), null, "@channel is down")),
        arguments("a disguised link in the reason shows its address",
            "unlock bucket prod-logs in account 111122223333 because see <https://evil.example|the runbook>",
            ask(UNLOCK_BUCKET, ID, bucket("prod-logs"), null, "see <https://evil.example>")),
        arguments("a mention in the reason stays a mention",
            "unlock bucket prod-logs in account 111122223333 because <@U024BE7LH|alice> asked in <#C0INC42|inc-42>",
            ask(UNLOCK_BUCKET, ID, bucket("prod-logs"), null, "<@U024BE7LH> asked in <#C0INC42>")),
        arguments("the history of an account by ID", "history account 1111-2222-3333",
            new Command.History.OfAccount(ID)),
        arguments("the history of an account by a name with spaces, unquoted", "History Account prod data",
            new Command.History.OfAccount(name("prod data"))),
        arguments("the history of an account whose name is a keyword, quoted", "history account \"because\"",
            new Command.History.OfAccount(name("because"))),
        arguments("the history of a request", "history request r-k3mwx2pqa7",
            new Command.History.OfRequest(new RequestId("r-k3mwx2pqa7"))),
        arguments("the history of a request pasted in code", "HISTORY REQUEST `r-k3mwx2pqa7`.",
            new Command.History.OfRequest(new RequestId("r-k3mwx2pqa7"))),
        arguments("break-glass before a task's own words",
            "break-glass unlock bucket prod-logs in account 111122223333 because INC-42 nobody can approve at 3am",
            new Command.BreakGlass(ask(UNLOCK_BUCKET, ID, bucket("prod-logs"), null, "INC-42 nobody can approve at 3am"))),
        arguments("break glass in two words, any case",
            "Break Glass delete root credentials in account prod-data because SEC-12 leaked key",
            new Command.BreakGlass(ask(DELETE_ROOT_CREDENTIALS, name("prod-data"), ROOT_USER, null, "SEC-12 leaked key"))),
        arguments("what the policy allows me", "policy", Command.PolicyQuestion.overall()),
        arguments("the policy for a task, without a reason",
            "policy delete root credentials in account prod-data",
            new Command.PolicyQuestion(Optional.of(DELETE_ROOT_CREDENTIALS), Optional.of(name("prod-data")))),
        arguments("the policy for an unlock, with a region and a reason that are not needed",
            "policy unlock bucket prod-logs in account 111122223333 region eu-west-1 because INC-42",
            new Command.PolicyQuestion(Optional.of(UNLOCK_BUCKET), Optional.of(ID))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void every_form_parses(String description, String text, Command expected) {
    assertThat(GRAMMAR.parse(text)).isEqualTo(expected);
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        arguments("a task that changes something without a reason",
            "unlock bucket prod-logs in account 111122223333", "\"because …\" is required", UNLOCK_BUCKET),
        arguments("because with nothing after it",
            "delete root credentials in account 111122223333 because", "nothing follows \"because\"",
            DELETE_ROOT_CREDENTIALS),
        arguments("because with only punctuation after it",
            "delete root credentials in account 111122223333 because :", "nothing follows \"because\"",
            DELETE_ROOT_CREDENTIALS),
        arguments("a reason too short to say anything",
            "allow password recovery in account 111122223333 because ok", "the reason is too short",
            ALLOW_PASSWORD_RECOVERY),
        arguments("a reason over 500 characters",
            "unlock bucket prod-logs in account 111122223333 because " + "x".repeat(501), "501 characters",
            UNLOCK_BUCKET),
        arguments("an account ID with 11 digits",
            "audit account 11112222333", "an account ID is 12 digits", AUDIT_ROOT_CREDENTIALS),
        arguments("no account at all",
            "unlock bucket prod-logs in account because INC-42", "say which account", UNLOCK_BUCKET),
        arguments("an account name longer than Organizations allows",
            "audit account " + "a".repeat(51), "is neither", AUDIT_ROOT_CREDENTIALS),
        arguments("an account name with characters Organizations does not allow",
            "audit account prød", "is neither", AUDIT_ROOT_CREDENTIALS),
        arguments("a bucket name with capitals",
            "unlock bucket Prod-Logs in account 111122223333 because INC-42", "has uppercase letters", UNLOCK_BUCKET),
        arguments("no bucket named",
            "unlock bucket in account 111122223333 because INC-42", "name the bucket", UNLOCK_BUCKET),
        arguments("nothing after unlock bucket", "unlock bucket", "name the bucket", UNLOCK_BUCKET),
        arguments("a queue URL with no account in its path",
            "unlock queue https://sqs.us-east-1.amazonaws.com/jobs in account 111122223333 because INC-1",
            "a queue URL looks like", UNLOCK_QUEUE),
        arguments("a queue of another account",
            "unlock queue arn:aws:sqs:us-east-1:999988887777:jobs in account 111122223333 because INC-1",
            "belongs to account 999988887777", UNLOCK_QUEUE),
        arguments("a region that contradicts the queue's",
            "unlock queue arn:aws:sqs:us-east-1:111122223333:jobs in account 111122223333 region eu-west-1"
                + " because INC-1", "says region us-east-1", UNLOCK_QUEUE),
        arguments("a region that does not exist",
            "unlock bucket prod-logs in account 111122223333 region mars-north-1 because INC-42",
            "a region is an AWS region code", UNLOCK_BUCKET),
        arguments("region with no code",
            "unlock bucket prod-logs in account 111122223333 region", "say which region", UNLOCK_BUCKET),
        arguments("a region for a task on root credentials",
            "delete root credentials in account 111122223333 region us-east-1 because SEC-1",
            "belong to no region", DELETE_ROOT_CREDENTIALS),
        arguments("words between the region and because",
            "unlock bucket prod-logs in account 111122223333 region eu-west-1 now because INC-42",
            "expected \"because …\" after the region; got \"now\"", UNLOCK_BUCKET),
        arguments("account missing its \"in\"",
            "unlock bucket prod-logs account 111122223333 because INC-42", "expected \"in account\"", UNLOCK_BUCKET),
        arguments("delete without \"root credentials\"",
            "delete credentials in account 111122223333 because x", "expected \"root credentials in account\"",
            DELETE_ROOT_CREDENTIALS),
        arguments("allow something else",
            "allow root login in account 111122223333 because x", "expected \"password recovery in account\"",
            ALLOW_PASSWORD_RECOVERY),
        arguments("audit without \"account\"",
            "audit 111122223333", "expected \"account\"", AUDIT_ROOT_CREDENTIALS),
        arguments("a mention where the account goes",
            "audit account <@U024BE7LH>", "Slack mentions such as \"<@U024BE7LH>\"", AUDIT_ROOT_CREDENTIALS),
        arguments("a link whose label hides its address",
            "unlock bucket <https://evil.example|prod-logs> in account 111122223333 because INC-42",
            "points somewhere else", UNLOCK_BUCKET),
        arguments("break-glass needs the reason its task needs",
            "break-glass unlock bucket prod-logs in account 111122223333", "\"because …\" is required", UNLOCK_BUCKET),
        arguments("a policy question reads the task's words as the task does",
            "policy unlock bucket in account 111122223333", "name the bucket", UNLOCK_BUCKET));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void every_error_says_what_was_wrong_and_shows_the_form(String description, String text, String problem,
      TaskForm kind) {
    UsageError error = catchThrowableOfType(UsageError.class, () -> GRAMMAR.parse(text));

    assertThat(error).as("no UsageError for: " + text).isNotNull();
    assertThat(error.problem()).contains(problem);
    assertThat(error.forms()).containsExactly(kind);
    assertThat(error.getMessage()).contains(", e.g. " + SlackText.escape(kind.example("/root")))
        .contains("Form: " + SlackText.escape(kind.form("/root")));
  }

  static Stream<Arguments> errorsAboutNoTaskInParticular() {
    return Stream.of(
        arguments("an unknown verb shows every form", "reboot account 111122223333", TaskForm.values().length),
        arguments("unlock without bucket or queue shows both", "unlock table x", 2),
        arguments("status with words after it", "status please", 0),
        arguments("break-glass with nothing after it shows every form", "break-glass", TaskForm.values().length),
        arguments("break-glass for something that is no task shows every form", "break-glass status",
            TaskForm.values().length),
        arguments("a policy question about something that is no task", "policy status", 0));
  }

  static Stream<Arguments> historyErrors() {
    return Stream.of(
        arguments("history of nothing", "history", "history of what?"),
        arguments("history of something else", "history bucket prod-logs", "history of what?"),
        arguments("an account history without the account", "history account", "say which account"),
        arguments("an account history with an ID that is not 12 digits", "history account 12345",
            "an account ID is 12 digits"),
        arguments("a request history without the request", "history request", "say which request"),
        arguments("a request history with something that is no request ID", "history request R-K3MWX2PQA7",
            "a request ID looks like r-k3mwx2pqa7"),
        arguments("a request history of two requests", "history request r-k3mwx2pqa7 r-aaaaaaaaaa",
            "a history shows one request"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("historyErrors")
  void a_history_error_says_what_was_wrong_and_shows_both_forms(String description, String text, String problem) {
    UsageError error = catchThrowableOfType(UsageError.class, () -> GRAMMAR.parse(text));

    assertThat(error).as("no UsageError for: " + text).isNotNull();
    assertThat(error.problem()).contains(problem);
    assertThat(error.forms()).isEmpty();
    assertThat(error.getMessage()).contains("Form: /root history account &lt;account&gt; or /root history request"
        + " &lt;request ID&gt;");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errorsAboutNoTaskInParticular")
  void an_error_about_no_task_in_particular_shows_the_forms_that_fit(String description, String text, int forms) {
    UsageError error = catchThrowableOfType(UsageError.class, () -> GRAMMAR.parse(text));

    assertThat(error.forms()).hasSize(forms);
    error.forms().forEach(kind -> assertThat(error.getMessage()).contains(SlackText.escape(kind.form("/root"))));
  }

  @Test
  void the_missing_reason_message_reads_as_the_design_shows_it() {
    UsageError error = catchThrowableOfType(UsageError.class,
        () -> GRAMMAR.parse("unlock bucket prod-logs in account 111122223333"));

    assertThat(error.getMessage()).startsWith("\"because …\" is required: say why you need root, e.g. /root unlock"
        + " bucket prod-logs in account 111122223333 because INC-42 locked us out\nForm: /root unlock bucket &lt;bucket&gt;");
  }

  @Test
  void an_empty_reason_after_because_says_so_and_shows_an_example_with_a_reason() {
    UsageError unlock = catchThrowableOfType(UsageError.class,
        () -> GRAMMAR.parse("unlock bucket prod-logs in account 111122223333 because"));
    UsageError audit = catchThrowableOfType(UsageError.class,
        () -> GRAMMAR.parse("audit account prod-data because  "));

    assertThat(unlock.getMessage()).startsWith("nothing follows \"because\": say why you need root after it, e.g."
        + " /root unlock bucket prod-logs in account 111122223333 because INC-42 locked us out");
    assertThat(audit.getMessage()).startsWith("nothing follows \"because\": say why after it, or leave \"because\" out");
  }

  @Test
  void messages_use_the_command_name_given() {
    UsageError error = catchThrowableOfType(UsageError.class,
        () -> new Grammar("/rootbot-staging").parse("audit account"));

    assertThat(error.getMessage()).contains("e.g. /rootbot-staging audit account prod-data");
  }

  @Test
  void what_someone_typed_is_escaped_in_a_message_so_it_cannot_notify_anyone() {
    UsageError error = catchThrowableOfType(UsageError.class, () -> GRAMMAR.parse("<!channel> unlock everything"));

    assertThat(error.getMessage()).contains("&lt;!channel&gt;").doesNotContain("<!channel>");
  }

  @Test
  void a_mention_of_the_bot_before_the_command_is_not_part_of_it() {
    UserId bot = new UserId("U0ROOTBOT");

    assertThat(GRAMMAR.parseMention("<@U0ROOTBOT> audit account 111122223333", bot))
        .isEqualTo(ask(AUDIT_ROOT_CREDENTIALS, ID, ROOT_USER, null, null));
    assertThat(GRAMMAR.parseMention(" <@U0ROOTBOT|rootbot>: status", bot)).isEqualTo(new Command.Status());
    assertThat(GRAMMAR.parseMention("<@U0ROOTBOT>", bot)).isEqualTo(new Command.OpenForm());
  }

  @Test
  void a_mention_of_someone_else_first_is_not_a_command() {
    UsageError error = catchThrowableOfType(UsageError.class,
        () -> GRAMMAR.parseMention("<@U0ALICE> <@U0ROOTBOT> status", new UserId("U0ROOTBOT")));

    assertThat(error.problem()).contains("does not know \"<@U0ALICE>\"");
  }

  @ParameterizedTest
  @EnumSource(TaskForm.class)
  void every_example_parses_to_its_own_kind(TaskForm kind) {
    Command command = GRAMMAR.parse(kind.example(""));

    assertThat(command).isInstanceOf(AskFor.class);
    assertThat(((AskFor) command).kind()).isEqualTo(kind);
  }

  @Test
  void help_shows_every_form_with_an_example() {
    String help = GRAMMAR.help();

    for (TaskForm kind : TaskForm.values()) {
      assertThat(help).contains(SlackText.escape(kind.form("/root"))).contains(kind.example("/root"));
    }
    assertThat(help).contains("/root status").contains("/root help").doesNotContain("<bucket>")
        .contains("/root history account &lt;account&gt;", "/root history request &lt;request ID&gt;")
        .doesNotContain("<account>");
  }

  @Test
  void the_form_builds_the_same_request_as_the_words() {
    AskFor fromForm = GRAMMAR.fromForm(UNLOCK_BUCKET, " 111122223333 ", Optional.of("prod-logs"),
        Optional.of("eu-west-1"), Optional.of("INC-42 locked us out"));

    assertThat(fromForm).isEqualTo(
        GRAMMAR.parse("unlock bucket prod-logs in account 111122223333 region eu-west-1 because INC-42 locked us out"));
  }

  @Test
  void the_form_takes_text_as_plain_so_markup_in_it_is_escaped() {
    AskFor fromForm = GRAMMAR.fromForm(DELETE_ROOT_CREDENTIALS, "R&D", Optional.empty(), Optional.empty(),
        Optional.of("<!here> keys leaked"));

    assertThat(fromForm.account()).isEqualTo(name("R&D"));
    assertThat(fromForm.reason()).contains(new Reason("&lt;!here&gt; keys leaked"));
  }

  @Test
  void a_form_without_a_reason_is_refused_with_the_form_of_its_task() {
    UsageError error = catchThrowableOfType(UsageError.class, () ->
        GRAMMAR.fromForm(ALLOW_PASSWORD_RECOVERY, "dev-playground", Optional.empty(), Optional.empty(), Optional.of(" ")));

    assertThat(error.problem()).contains("\"because …\" is required");
    assertThat(error.forms()).containsExactly(ALLOW_PASSWORD_RECOVERY);
  }

  static AskFor ask(TaskForm kind, AccountRef account, Resource resource, String region, String reason) {
    return new AskFor(kind, account, resource, Optional.ofNullable(region).map(AwsRegion::parse),
        Optional.ofNullable(reason).map(Reason::fromSlack));
  }

  static AccountRef name(String name) {
    return new AccountRef.Name(name);
  }

  static Resource bucket(String name) {
    return new Resource.Bucket(BucketName.of(name));
  }

  static Resource queue(String text) {
    return new Resource.Queue(QueueRef.parse(text));
  }

}
