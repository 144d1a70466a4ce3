package dev.rootbot.actions.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The resource-policy calls that the unlock and restore tasks make on one bucket or one queue, found in the
 * target account, with the words that name them. {@link BucketCalls} and {@link QueueCalls} are the two.
 */
interface PolicyCalls {
  /** "bucket" or "queue". */
  String noun();

  /** The bucket's or queue's name. */
  String name();

  /** The region the resource was found in. */
  AwsRegion region();

  /** The resource's policy, or empty when it has none. */
  Optional<PolicyDocument> policy();

  /** The action that {@link #policy} calls, for the steps: {@code s3:GetBucketPolicy}. */
  String readAction();

  /** Removes the policy the way its service defines. */
  void remove();

  String removeAction();

  /** What {@link #remove} did, in words for the steps. */
  String removeDetail();

  void put(PolicyDocument policy);

  String putAction();

  /** {@code policy} kept as the backup of this resource. */
  Backup backup(PolicyDocument policy);

  /** The resource's identity in a fingerprint: its account, its name or URL, its region; one fact a line. */
  List<String> identity();

  /** Where the resource was found, for the card: the region S3 redirected to, the queue's URL. */
  List<Finding.Section> whereFound();

  /** Said after a removal, e.g. that SQS takes up to a minute; empty or a sentence with a leading space. */
  String removalNote();

  /** The fingerprint of {@code task} on this resource: its identifier, {@link #identity()}, then {@code facts}. */
  default Fingerprint fingerprint(RootTask task, String... facts) {
    List<String> lines = new ArrayList<>(List.of(task.kind().id()));
    lines.addAll(identity());
    lines.addAll(List.of(facts));
    return Fingerprint.ofLines(lines.toArray(String[]::new));
  }

  /** "the bucket policy" or "the queue policy". */
  default String policyWords() {
    return noun() + " policy";
  }

  /** "bucket payments-audit-logs". */
  default String resourceWords() {
    return noun() + " " + name();
  }

  /** "Bucket payments-audit-logs", to start a sentence. */
  default String resourceStartingASentence() {
    return Character.toUpperCase(noun().charAt(0)) + noun().substring(1) + " " + name();
  }
}
