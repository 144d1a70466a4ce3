package dev.rootbot.sandbox.slack;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A file the bot uploaded ({@code files.getUploadURLExternal}, the upload URL, {@code files.completeUploadExternal}):
 * its ID ({@code F…}), file name, title, who uploaded it, when, and its bytes. Prints without its content.
 */
public record SharedFile(String id, String name, String title, String user, Instant created, byte[] content) {

  public SharedFile {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(created, "created");
    content = content.clone();
  }

  @Override
  public byte[] content() {
    return content.clone();
  }

  /** The content read as UTF-8, for a CSV or JSON report. */
  public String text() {
    return new String(content, StandardCharsets.UTF_8);
  }

  /** The size in bytes. */
  public int size() {
    return content.length;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SharedFile that && id.equals(that.id) && name.equals(that.name) && title.equals(that.title)
        && user.equals(that.user) && created.equals(that.created) && Arrays.equals(content, that.content);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, name, title, user, created, Arrays.hashCode(content));
  }

  @Override
  public String toString() {
    return "SharedFile[" + id + " " + name + " \"" + title + "\" " + content.length + " bytes by " + user + "]";
  }
}
