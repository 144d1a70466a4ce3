package dev.rootbot.bot.command;

import dev.rootbot.actions.task.BucketName;
import dev.rootbot.actions.task.QueueRef;
import java.util.Objects;

/** What a task acts on in the target account: a bucket, a queue, or the account's root user. */
public sealed interface Resource permits Resource.Bucket, Resource.Queue, Resource.RootUser {

  /** As a person would write it. */
  String text();

  /** An S3 bucket, by name. */
  record Bucket(BucketName name) implements Resource {
    public Bucket {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public String text() {
      return name.value();
    }
  }

  /** An SQS queue, by name, URL or ARN. */
  record Queue(QueueRef ref) implements Resource {
    public Queue {
      Objects.requireNonNull(ref, "ref");
    }

    @Override
    public String text() {
      return ref.name();
    }
  }

  /** The account's root user and its credentials. */
  record RootUser() implements Resource {
    @Override
    public String text() {
      return "root user";
    }
  }
}
