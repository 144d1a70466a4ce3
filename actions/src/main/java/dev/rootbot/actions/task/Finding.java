package dev.rootbot.actions.task;

import java.util.List;

/**
 * What a task's read found, in words for people: a one-line headline ("Will delete the bucket policy of …") and
 * titled sections such as the current policy or the credentials a delete will remove.
 */
public record Finding(String headline, List<Section> sections) {
  /**
   * One part of a finding. {@code verbatim} text (a policy document) is shown as it is, in a monospace block;
   * other text is plain words, one item a line.
   */
  public record Section(String title, String text, boolean verbatim) {}

  public Finding {
    sections = List.copyOf(sections);
  }

  /** The whole finding as plain text: the headline, then each section under its title. */
  public String text() {
    var text = new StringBuilder(headline);
    for (Section section : sections) {
      text.append("\n\n").append(section.title()).append(":\n").append(section.text());
    }
    return text.toString();
  }
}
