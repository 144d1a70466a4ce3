package dev.rootbot.sandbox.aws.cloudtrail;

import dev.rootbot.sandbox.aws.wire.TrailResource;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One recorded CloudTrail event: the fields LookupEvents filters and reports, and the full event as CloudTrail
 * writes it ({@link #json()}), which LookupEvents returns as {@code CloudTrailEvent}.
 *
 * <p>{@code sequence} numbers events in the order they were recorded, across all accounts and regions.
 */
public record TrailEvent(
    long sequence,
    String eventId,
    Instant eventTime,
    String account,
    String region,
    String eventSource,
    String eventName,
    String accessKeyId,
    String userIdentityType,
    String username,
    boolean readOnly,
    Optional<String> errorCode,
    List<TrailResource> resources,
    String json) {

  public TrailEvent {
    resources = List.copyOf(resources);
  }
}
