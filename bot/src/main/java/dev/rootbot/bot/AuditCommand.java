package dev.rootbot.bot;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.AwsRegion;
import dev.rootbot.actions.trail.TrailLink;
import dev.rootbot.actions.trail.TrailLinks;
import dev.rootbot.bot.audit.Anchor;
import dev.rootbot.bot.audit.AuditExport;
import dev.rootbot.bot.audit.ChainedEntry;
import dev.rootbot.bot.audit.Evidence;
import dev.rootbot.bot.audit.ExportFilter;
import dev.rootbot.bot.audit.Fact;
import dev.rootbot.bot.audit.Facts;
import dev.rootbot.bot.audit.Head;
import dev.rootbot.bot.audit.RequestFacts;
import dev.rootbot.bot.audit.Verdict;
import dev.rootbot.bot.config.Config;
import dev.rootbot.bot.flow.ChainWatch;
import dev.rootbot.bot.request.ChannelId;
import dev.rootbot.bot.request.RequestId;
import dev.rootbot.bot.request.RootRequest;
import dev.rootbot.bot.slack.AlertChannel;
import dev.rootbot.bot.store.Store;
import dev.rootbot.bot.store.StoreFailure;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code rootbot audit verify|export|evidence|anchor}: the audit chain of the store that {@code ROOTBOT_STORE}
 * names, read as it is (nothing is created, upgraded or written). The chain's definition is
 * {@code docs/audit-chain.md}.
 *
 * <p>Exit codes: 0 done (for verify: intact); 1 the chain or a request is broken, or the request is unknown; 2 a
 * usage error, or the store cannot be read.
 */
final class AuditCommand {
  static final String USAGE = String.join("\n",
      "Usage: rootbot audit verify [--anchor HASH:N]",
      "       rootbot audit export [--since DATE] [--until DATE] [--request ID] [--account ID] [--format jsonl|csv]",
      "       rootbot audit evidence REQUEST-ID",
      "       rootbot audit anchor",
      "The store is ROOTBOT_STORE (default sqlite:rootbot.db); audit anchor posts to ROOTBOT_ALERT_CHANNEL with",
      "SLACK_BOT_TOKEN when both are set.");

  private final Map<String, String> env;
  private final Clock clock;
  private final PrintStream out;
  private final PrintStream err;

  private AuditCommand(Map<String, String> env, Clock clock, PrintStream out, PrintStream err) {
    this.env = env;
    this.clock = clock;
    this.out = out;
    this.err = err;
  }

  static int run(String[] args, Map<String, String> env, Clock clock, PrintStream out, PrintStream err) {
    var command = new AuditCommand(env, clock, out, err);
    if (args.length == 0) {
      return command.usage("say verify, export, evidence or anchor");
    }
    List<String> rest = List.of(args).subList(1, args.length);
    try {
      switch (args[0]) {
        case "verify":
          return command.verify(rest);
        case "export":
          return command.export(rest);
        case "evidence":
          return command.evidence(rest);
        case "anchor":
          return command.anchor(rest);
        default:
          return command.usage("unknown audit command \"" + args[0] + "\"");
      }
    } catch (StoreFailure e) {
      err.println("rootbot audit: " + e.getMessage());
      return 2;
    }
  }

  private int verify(List<String> args) {
    Map<String, String> options = options(args, Set.of("--anchor"));
    if (options == null) {
      return 2;
    }
    Optional<Anchor> anchor;
    try {
      anchor = Optional.ofNullable(options.get("--anchor")).map(Anchor::parse);
    } catch (IllegalArgumentException e) {
      return usage(e.getMessage());
    }
    try (Store store = open()) {
      if (store == null) {
        return 2;
      }
      Verdict verdict = store.audit().verify(anchor);
      out.println(verdict.line());
      return verdict instanceof Verdict.Intact ? 0 : 1;
    }
  }

  private int export(List<String> args) {
    Map<String, String> options = options(args, Set.of("--since", "--until", "--request", "--account", "--format"));
    if (options == null) {
      return 2;
    }
    ExportFilter filter;
    AuditExport.Format format;
    try {
      filter = new ExportFilter(Optional.ofNullable(options.get("--since")).map(ExportFilter::parseSince),
          Optional.ofNullable(options.get("--until")).map(ExportFilter::parseUntil),
          Optional.ofNullable(options.get("--request")).map(RequestId::parse),
          Optional.ofNullable(options.get("--account")).map(AccountId::parse));
      format = AuditExport.Format.parse(options.getOrDefault("--format", "jsonl"));
    } catch (IllegalArgumentException e) {
      return usage(e.getMessage());
    }
    try (Store store = open()) {
      if (store == null) {
        return 2;
      }
      // CSV holds the stored texts as they are; JSON lines are ASCII, which UTF-8 writes unchanged.
      Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
      store.audit().read(entries -> {
        try {
          AuditExport.write(entries, filter, format, writer);
          writer.flush();
          return null;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      return 0;
    } catch (UncheckedIOException e) {
      err.println("rootbot audit export: could not write: " + e.getCause().getMessage());
      return 2;
    }
  }

  private int evidence(List<String> args) {
    if (args.size() != 1) {
      return usage("audit evidence takes one request ID, like r-k3mwx2pqa7");
    }
    RequestId id;
    try {
      id = RequestId.parse(args.get(0));
    } catch (IllegalArgumentException e) {
      return usage(e.getMessage());
    }
    try (Store store = open()) {
      if (store == null) {
        return 2;
      }
      Optional<RootRequest> request = store.requests().find(id);
      if (request.isEmpty()) {
        err.println("rootbot audit evidence: the store has no request " + id);
        return 1;
      }
      List<ChainedEntry> entries = store.audit().chainOf(id);
      for (ChainedEntry entry : entries) {
        if (!entry.intact()) {
          err.println("rootbot audit evidence: entry " + entry.seq() + " does not match its hash; run rootbot audit"
              + " verify before trusting this document");
        }
      }
      out.print(Evidence.document(request.get(), entries, links(request.get(), entries)));
      return 0;
    }
  }

  private int anchor(List<String> args) {
    if (!args.isEmpty()) {
      return usage("audit anchor takes no options");
    }
    Head head;
    try (Store store = open()) {
      if (store == null) {
        return 2;
      }
      head = store.audit().head();
    }
    out.println("anchor: " + head.anchor());
    Optional<String> token = value("SLACK_BOT_TOKEN");
    Optional<String> channel = value("ROOTBOT_ALERT_CHANNEL");
    if (token.isEmpty() || channel.isEmpty()) {
      out.println("Not posted: set ROOTBOT_ALERT_CHANNEL and SLACK_BOT_TOKEN to post it to Slack.");
      return 0;
    }
    ChannelId to;
    try {
      to = new ChannelId(channel.get());
    } catch (IllegalArgumentException e) {
      return usage("ROOTBOT_ALERT_CHANNEL: " + e.getMessage());
    }
    var config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(value("SLACK_API_URL").map(url -> url.endsWith("/") ? url : url + "/")
        .orElse(Config.DEFAULT_API_URL));
    config.setPrettyResponseLoggingEnabled(false);
    config.setStatsEnabled(false);
    boolean posted = new AlertChannel(Slack.getInstance(config).methods(token.get()), to)
        .post(ChainWatch.anchorMessage(head));
    if (!posted) {
      err.println("rootbot audit anchor: Slack did not take the anchor (see the log line above); it is printed here");
      return 2;
    }
    out.println("Posted to " + to + ".");
    return 0;
  }

  /**
   * Where CloudTrail shows each root session's calls and each confirmed AssumeRoot event; the event links need
   * the STS region ({@code AWS_REGION}), which is left out when it is not set.
   */
  private List<TrailLink> links(RootRequest request, List<ChainedEntry> entries) {
    Set<String> keys = new LinkedHashSet<>();
    List<String> events = new ArrayList<>();
    request.accessKeyId().ifPresent(keys::add);
    for (ChainedEntry entry : entries) {
      Facts facts = entry.record().facts();
      facts.text(RequestFacts.PREVIEW_KEY).ifPresent(keys::add);
      facts.text(RequestFacts.ACCESS_KEY_ID).ifPresent(keys::add);
      facts.get(RequestFacts.TRAIL_EVENTS).filter(Fact.Items.class::isInstance)
          .ifPresent(items -> ((Fact.Items) items).values().stream().filter(Facts.class::isInstance)
              .forEach(item -> ((Facts) item).text("event_id").ifPresent(events::add)));
    }
    var links = new ArrayList<TrailLink>();
    for (String key : keys) {
      links.add(TrailLinks.sessionCalls(request.work().account(), request.rootTask().map(dev.rootbot.actions.task.RootTask::eventsRegion).orElse(dev.rootbot.actions.task.AwsRegion.US_EAST_1), key));
    }
    Optional<AwsRegion> sts = value("AWS_REGION").or(() -> value("AWS_DEFAULT_REGION")).flatMap(AuditCommand::region);
    sts.ifPresent(region -> events.forEach(event ->
        links.add(TrailLinks.event("The AssumeRoot event " + event + " in the bot's account", region, event))));
    return links;
  }

  private static Optional<AwsRegion> region(String code) {
    try {
      return Optional.of(AwsRegion.parse(code));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The store, or null when it cannot be opened (said on standard error). */
  private Store open() {
    String location = value("ROOTBOT_STORE").orElse("sqlite:rootbot.db");
    try {
      return Store.openExisting(location, clock);
    } catch (IllegalArgumentException | StoreFailure e) {
      err.println("rootbot audit: cannot open the store: " + e.getMessage());
      return null;
    }
  }

  /** {@code --name value} pairs, each name allowed and given once; null after saying what is wrong. */
  private Map<String, String> options(List<String> args, Set<String> allowed) {
    var options = new LinkedHashMap<String, String>();
    for (int i = 0; i < args.size(); i += 2) {
      String name = args.get(i);
      if (!allowed.contains(name) || i + 1 >= args.size()) {
        usage("unknown or incomplete option \"" + name + "\"");
        return null;
      }
      if (options.put(name, args.get(i + 1)) != null) {
        usage(name + " is given twice");
        return null;
      }
    }
    return options;
  }

  private Optional<String> value(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  private int usage(String problem) {
    err.println("rootbot audit: " + problem + "\n" + USAGE);
    return 2;
  }
}
