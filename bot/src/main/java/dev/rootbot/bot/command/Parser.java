package dev.rootbot.bot.command;

import dev.rootbot.actions.fleet.FleetScope;
import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.AwsRegion;
import dev.rootbot.actions.task.BucketName;
import dev.rootbot.actions.task.InvalidInput;
import dev.rootbot.actions.task.QueueRef;
import dev.rootbot.bot.request.Reason;
import dev.rootbot.bot.request.RequestId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One reading of one normalized text, word by word, following the grammar in {@link Grammar}. It
 * remembers which task the words were about, so that an error can show that task's form.
 */
final class Parser {
  private static final Pattern ID_LIKE = Pattern.compile("[\\d -]+");
  private static final Pattern SPACED_ID = Pattern.compile("\\d{4} \\d{4} \\d{4}");
  private static final Pattern BUCKET_ARN = Pattern.compile("arn:aws[a-z-]*:s3:::([^/]+)/?");

  private final String command;
  private final Words words;
  private TaskForm kind;
  private boolean history;
  /** Reading {@code policy <task words>}: the task is only asked about, so no reason is needed. */
  private boolean question;
  /** The form of the organization-wide task being read, for its errors. */
  private String fleetForm = "";
  static final String ENABLE_FORM = "enable [credentials only]";
  static final String AUDIT_FORM = "audit all | audit ou <name|ou-id>";
  static final String DELETE_FORM = "delete root credentials in ou <name|ou-id> because <reason>";

  Parser(String command, String normalizedText) {
    this.command = command;
    this.words = new Words(normalizedText);
  }

  Command command() {
    try {
      return read();
    } catch (InvalidInput e) {
      throw error(e.getMessage());
    }
  }

  private Command read() {
    Optional<Words.Word> first = words.next();
    if (first.isEmpty()) {
      return new Command.OpenForm();
    }
    Words.Word verb = first.get();
    if (verb.is("help") || verb.is("?")) {
      return new Command.Help();
    }
    if (verb.is("status")) {
      if (!words.atEnd()) {
        throw new UsageError("\"status\" takes nothing after it", command, List.of());
      }
      return new Command.Status();
    }
    if (verb.is("unlock")) {
      return unlock();
    }
    if (verb.is("history")) {
      return history();
    }
    if (verb.is("break-glass") || verb.is("breakglass") || (verb.is("break") && words.nextAre("glass"))) {
      if (verb.is("break")) {
        words.next();
      }
      return breakGlass();
    }
    if (verb.is("policy")) {
      if (words.atEnd()) {
        return Command.PolicyQuestion.overall();
      }
      question = true;
      Command asked = read();
      if (asked instanceof Command.PolicyQuestion about) {
        return about;
      }
      throw new UsageError("ask about a root task, in its own words, like " + SlackInput.quote(command
          + " policy delete root credentials in account prod-data") + ", or say " + SlackInput.quote(command
          + " policy") + " alone", command, List.of());
    }
    if (verb.is("enable")) {
      return enable();
    }
    if (verb.is("audit") && (words.nextAre("all") || words.nextAre("ou"))) {
      return auditFleet();
    }
    if (verb.is("delete") && words.nextAre("root", "credentials", "in", "ou")) {
      return deleteFleet();
    }
    if (verb.is("audit")) {
      kind = TaskForm.AUDIT_ROOT_CREDENTIALS;
      if (words.nextAre("root")) {
        expect("root", "credentials", "in", "account"); // like the other credential tasks
      } else {
        expect("account");
      }
      return task(new Resource.RootUser(), false);
    }
    if (verb.is("delete")) {
      kind = TaskForm.DELETE_ROOT_CREDENTIALS;
      expect("root", "credentials", "in", "account");
      return task(new Resource.RootUser(), false);
    }
    if (verb.is("allow")) {
      kind = TaskForm.ALLOW_PASSWORD_RECOVERY;
      expect("password", "recovery", "in", "account");
      return task(new Resource.RootUser(), false);
    }
    throw new UsageError("Rootbot does not know " + SlackInput.quote(verb.raw()), command,
        List.of(TaskForm.values()));
  }

  private Command unlock() {
    Optional<Words.Word> what = words.next();
    if (what.isPresent() && what.get().is("bucket")) {
      kind = TaskForm.UNLOCK_BUCKET;
    } else if (what.isPresent() && what.get().is("queue")) {
      kind = TaskForm.UNLOCK_QUEUE;
    } else {
      throw new UsageError("unlock what? Say \"unlock bucket\" or \"unlock queue\"", command,
          List.of(TaskForm.UNLOCK_BUCKET, TaskForm.UNLOCK_QUEUE));
    }
    String noun = kind == TaskForm.UNLOCK_BUCKET ? "bucket" : "queue";
    Optional<Words.Word> named = words.next();
    if (named.isEmpty() || (named.get().is("in") && words.nextAre("account"))) {
      throw error("name the " + noun + " to unlock");
    }
    Resource resource = resource(kind, SlackInput.value(named.get().text()));
    expect("in", "account");
    return task(resource, true);
  }

  /** {@code break-glass <task> because <reason>}: the same words as the task, after "break-glass". */
  private Command breakGlass() {
    if (words.atEnd()) {
      throw new UsageError("break glass for what? Put the task's own words after \"break-glass\", like "
          + SlackInput.quote(command + " break-glass " + TaskForm.UNLOCK_BUCKET.example("").strip()), command,
          List.of(TaskForm.values()));
    }
    if (words.nextAre("enable") || words.nextAre("audit", "all") || words.nextAre("audit", "ou")
        || words.nextAre("delete", "root", "credentials", "in", "ou")) {
      throw new UsageError("only a root task can break glass, in one account: a task over the organization waits for"
          + " its approval", command, List.of());
    }
    Command task = read();
    if (task instanceof AskFor ask) {
      return new Command.BreakGlass(ask);
    }
    throw new UsageError("only a root task can break glass: put the task's own words after \"break-glass\"", command,
        List.of(TaskForm.values()));
  }

  /** {@code enable [credentials only]}. */
  private Command enable() {
    fleetForm = ENABLE_FORM;
    notAQuestion();
    if (words.atEnd()) {
      return new FleetAsk.Enable(false);
    }
    if (words.nextAre("credentials", "only")) {
      words.next();
      words.next();
      if (words.atEnd()) {
        return new FleetAsk.Enable(true);
      }
    }
    throw fleetError("\"enable\" takes nothing after it but \"credentials only\"; got " + SlackInput.quote(words.rest()));
  }

  /** {@code audit all} or {@code audit ou <name|ou-id>}. */
  private Command auditFleet() {
    fleetForm = AUDIT_FORM;
    notAQuestion();
    if (words.nextAre("all")) {
      words.next();
      if (!words.atEnd()) {
        throw fleetError("\"audit all\" takes nothing after it; got " + SlackInput.quote(words.rest()));
      }
      return new FleetAsk.Audit(FleetScope.all());
    }
    List<String> ou = ouWords();
    if (!words.atEnd()) {
      throw fleetError("an audit needs no reason: leave out " + SlackInput.quote(words.rest()));
    }
    return new FleetAsk.Audit(FleetScope.ou(String.join(" ", ou)));
  }

  /** {@code delete root credentials in ou <name|ou-id> because <reason>}. */
  private Command deleteFleet() {
    fleetForm = DELETE_FORM;
    notAQuestion();
    expect("root", "credentials", "in");
    List<String> ou = ouWords();
    Optional<Words.Word> because = words.next();
    if (because.isEmpty()) {
      throw fleetError("say why after \"because\": deleting root credentials changes every account it covers");
    }
    String why = words.rest().replaceFirst("^[:,\\-–—]+", "").strip();
    if (why.isEmpty()) {
      throw fleetError("nothing follows \"because\": say why you need it after it");
    }
    return new FleetAsk.Delete(FleetScope.ou(String.join(" ", ou)), Reason.fromSlack(why));
  }

  /** The words of an OU after "ou": its name or ID, up to "because" or the end. */
  private List<String> ouWords() {
    words.next(); // "ou"
    var parts = new ArrayList<String>();
    while (!words.atEnd() && !words.nextAre("because")) {
      parts.add(SlackInput.value(words.next().orElseThrow().text()));
    }
    if (parts.isEmpty()) {
      throw fleetError("say which OU: its name, like Production, or its ID, like ou-ab12-cd34ef56");
    }
    return parts;
  }

  /** The approval policy is asked about one account's task; these cover the organization. */
  private void notAQuestion() {
    if (question) {
      throw new UsageError("\"policy\" answers about a task in one account; say " + SlackInput.quote(command
          + " policy") + " alone to see every rule, the organization-wide tasks' among them", command, List.of());
    }
  }

  private UsageError fleetError(String problem) {
    return new UsageError(problem + ". Form: " + command + " " + fleetForm, command, List.of());
  }

  /** {@code history account <account>} or {@code history request <id>}. */
  private Command history() {
    history = true;
    Optional<Words.Word> what = words.next();
    if (what.isPresent() && what.get().is("account")) {
      var parts = new ArrayList<String>();
      while (!words.atEnd()) {
        parts.add(SlackInput.value(words.next().orElseThrow().text()));
      }
      if (parts.isEmpty()) {
        throw error("say which account: its 12-digit ID or its name");
      }
      return new Command.History.OfAccount(account(parts));
    }
    if (what.isPresent() && what.get().is("request")) {
      Words.Word id = words.next().orElseThrow(() -> error("say which request: its ID, like r-k3mwx2pqa7"));
      if (!words.atEnd()) {
        throw error("a history shows one request; remove " + SlackInput.quote(words.rest()));
      }
      return new Command.History.OfRequest(RequestId.parse(SlackInput.value(id.text())));
    }
    throw error("history of what? Say \"history account\" or \"history request\"");
  }

  /** The rest of a task: the account, then maybe a region, then "because …". */
  private Command task(Resource resource, boolean regional) {
    AccountRef account = account(accountWords());
    Optional<AwsRegion> region = Optional.empty();
    if (words.nextAre("region") || words.nextAre("in", "region")) {
      if (!regional) {
        throw error("root credentials belong to no region: leave \"region\" out");
      }
      words.next().filter(word -> word.is("in")).ifPresent(in -> words.next());
      Words.Word code = words.next().orElseThrow(() -> error("say which region after \"region\", like eu-west-1"));
      region = Optional.of(AwsRegion.parse(SlackInput.value(code.text())));
    }
    if (question) {
      if (!words.atEnd() && !words.nextAre("because")) {
        throw error("expected the end, or \"because …\"; got " + SlackInput.quote(words.rest()));
      }
      return new Command.PolicyQuestion(Optional.of(kind), Optional.of(account)); // a reason is not needed to ask
    }
    Optional<Reason> reason = Optional.empty();
    Optional<Words.Word> next = words.next();
    if (next.isPresent() && next.get().is("because")) {
      String why = words.rest().replaceFirst("^[:,\\-–—]+", "").strip();
      if (why.isEmpty()) {
        throw kind.needsReason()
            ? error("nothing follows \"because\": say why you need root after it")
            : error("nothing follows \"because\": say why after it, or leave \"because\" out");
      }
      reason = Optional.of(Reason.fromSlack(why));
    } else if (next.isPresent()) {
      throw error("expected \"because …\" after the region; got " + SlackInput.quote(next.get().raw()));
    }
    return new AskFor(kind, account, resource, region, reason);
  }

  /** The words of the account: up to "region", "in region", "because" or the end. */
  private List<String> accountWords() {
    var parts = new ArrayList<String>();
    while (!words.atEnd() && !words.nextAre("because") && !words.nextAre("region") && !words.nextAre("in", "region")) {
      parts.add(SlackInput.value(words.next().orElseThrow().text()));
    }
    if (parts.isEmpty()) {
      throw error("say which account: its 12-digit ID or its name");
    }
    return parts;
  }

  private void expect(String... keywords) {
    for (String keyword : keywords) {
      Optional<Words.Word> word = words.next();
      if (word.isEmpty() || !word.get().is(keyword)) {
        String got = word.map(w -> "; got " + SlackInput.quote(w.raw())).orElse("");
        throw error("expected \"" + String.join(" ", keywords) + "\"" + got);
      }
    }
  }

  private UsageError error(String problem) {
    if (history) { // not a task: the forms go in the words
      return new UsageError(problem + ". Form: " + command + " history account <account> or " + command
          + " history request <request ID>", command, List.of());
    }
    return new UsageError(problem, command, kind == null ? List.of() : List.of(kind));
  }

  /** The account from its words: an ID when it is only digits, spaces and dashes, else a name. */
  static AccountRef account(List<String> parts) {
    String text = String.join(" ", parts).strip();
    if (ID_LIKE.matcher(text).matches()) {
      return new AccountRef.Id(AccountId.parse(SPACED_ID.matcher(text).matches() ? text.replace(' ', '-') : text));
    }
    return new AccountRef.Name(text);
  }

  /** The resource a task of {@code kind} acts on, from its text. */
  static Resource resource(TaskForm kind, String text) {
    return switch (kind) {
      case UNLOCK_BUCKET -> new Resource.Bucket(bucket(text));
      case UNLOCK_QUEUE -> new Resource.Queue(QueueRef.parse(text));
      case AUDIT_ROOT_CREDENTIALS, DELETE_ROOT_CREDENTIALS, ALLOW_PASSWORD_RECOVERY -> new Resource.RootUser();
    };
  }

  /** A bucket by name, or as people paste it: {@code s3://name/} or its ARN. */
  private static BucketName bucket(String text) {
    var arn = BUCKET_ARN.matcher(text);
    if (arn.matches()) {
      return BucketName.of(arn.group(1));
    }
    return BucketName.of(text.startsWith("s3://") ? text.substring(5).replaceFirst("/$", "") : text);
  }
}
