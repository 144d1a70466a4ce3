package dev.rootbot.actions.fleet;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code /root enable} will do, for its card: what is on now, each step in AWS's order with whether it is
 * already on, and what AWS would certainly refuse (the obstacles), each with its fix. Pure: made from a
 * {@link RootAccessState} by {@link #of}.
 *
 * @param credentialsOnly whether root sessions stay off ({@code /root enable credentials only})
 * @param obstacles why AWS would refuse a step that is not on yet, in words with the fix; empty when it can run
 */
public record EnablePlan(RootAccessState now, boolean credentialsOnly, List<Planned> steps, List<String> obstacles) {
  /** One step and whether it is on already (then it is not called). */
  public record Planned(EnableStep step, boolean alreadyOn) {}

  public EnablePlan {
    steps = List.copyOf(steps);
    obstacles = List.copyOf(obstacles);
  }

  /** The steps {@code credentialsOnly} asks for, in AWS's order, with what AWS would refuse first. */
  public static EnablePlan of(RootAccessState now, boolean credentialsOnly) {
    List<Planned> steps = new ArrayList<>();
    for (EnableStep step : steps(credentialsOnly)) {
      steps.add(new Planned(step, now.isOn(step)));
    }
    List<String> obstacles = new ArrayList<>();
    if (steps.stream().anyMatch(s -> !s.alreadyOn())) {
      if (!now.callerIsManagement()) {
        obstacles.add("Rootbot runs in account " + now.caller() + ", and only the management account "
            + now.managementAccount() + " can turn these on. Run Rootbot there, or run in the management account: "
            + String.join("; ", steps.stream().filter(s -> !s.alreadyOn()).map(s -> s.step().command()).toList()));
      }
      if (!now.allFeatures()) {
        obstacles.add("Organization " + now.organizationId() + " does not have all features enabled, which trusted"
            + " access and centralized root access need. Enable all features in the AWS Organizations console"
            + " (Settings), then ask again.");
      }
    }
    return new EnablePlan(now, credentialsOnly, steps, obstacles);
  }

  /** The steps in AWS's order: root sessions last, and left out for credentials only. */
  public static List<EnableStep> steps(boolean credentialsOnly) {
    return credentialsOnly ? List.of(EnableStep.TRUSTED_ACCESS, EnableStep.ROOT_CREDENTIALS_MANAGEMENT)
        : List.of(EnableStep.TRUSTED_ACCESS, EnableStep.ROOT_CREDENTIALS_MANAGEMENT, EnableStep.ROOT_SESSIONS);
  }

  /** Whether every step asked for is on already. */
  public boolean nothingToDo() {
    return steps.stream().allMatch(Planned::alreadyOn);
  }

  /** The steps that will be called. */
  public List<EnableStep> changes() {
    return steps.stream().filter(s -> !s.alreadyOn()).map(Planned::step).toList();
  }

  /** The card's text: what is on now and what will change, one line a step, then what stands in the way. */
  public String text() {
    List<String> lines = new ArrayList<>();
    for (Planned planned : steps) {
      lines.add(planned.step().title() + ": " + (planned.alreadyOn() ? "on already; nothing to do"
          : "off; will turn on (" + planned.step().action() + ")"));
    }
    if (credentialsOnly) {
      lines.add(EnableStep.ROOT_SESSIONS.title() + ": " + (now.rootSessions() ? "on; left as it is" : "off; stays off")
          + " (credentials only)");
    }
    obstacles.forEach(o -> lines.add("AWS would refuse: " + o));
    return String.join("\n", lines);
  }
}
