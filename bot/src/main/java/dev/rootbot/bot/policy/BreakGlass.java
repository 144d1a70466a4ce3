package dev.rootbot.bot.policy;

import dev.rootbot.bot.request.ChannelId;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A rule's {@code break_glass}: who may run its tasks at once, without approval, and how that is made
 * loud afterwards.
 *
 * @param who the people who may break glass (never {@code *})
 * @param reviewWithin how soon the rule's approvers must review the run: Justified or Not justified
 * @param announce the channels told at once, and reminded every hour while the review is overdue
 */
public record BreakGlass(Audience who, Duration reviewWithin, List<ChannelId> announce) {
  public BreakGlass {
    Objects.requireNonNull(who, "who");
    Objects.requireNonNull(reviewWithin, "reviewWithin");
    announce = List.copyOf(announce);
  }
}
