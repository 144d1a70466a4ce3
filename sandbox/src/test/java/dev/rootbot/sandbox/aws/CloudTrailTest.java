package dev.rootbot.sandbox.aws;

import static dev.rootbot.sandbox.aws.AssumeRootTest.assertRefused;
import static dev.rootbot.sandbox.aws.Demo.DATA_BUCKET;
import static dev.rootbot.sandbox.aws.Demo.MANAGEMENT;
import static dev.rootbot.sandbox.aws.Demo.PROD_DATA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.rootbot.sandbox.aws.cloudtrail.TrailEvent;
import dev.rootbot.sandbox.aws.policy.TaskPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttribute;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.sts.model.Credentials;

/** Every call becomes a CloudTrail event in the right account and region, and LookupEvents finds it as AWS does. */
class CloudTrailTest {
  private final SimulatedAws aws = SimulatedAws.start(Seed.demo()
      .withCaller(PROD_DATA, "auditor", "AKIASANDBOXPRODDATA1", "prod-data-secret"));

  @AfterEach
  void stop() {
    aws.close();
  }

  @Test
  void assume_root_is_recorded_in_the_callers_account_and_sts_region() {
    Credentials session = assumeRoot(Region.US_WEST_2, TaskPolicy.S3_UNLOCK_BUCKET_POLICY);

    TrailEvent event = only(aws.trail().events(MANAGEMENT, "us-west-2"));
    JsonObject json = JsonParser.parseString(event.json()).getAsJsonObject();

    assertThat(event.eventName()).isEqualTo("AssumeRoot");
    assertThat(event.accessKeyId()).isEqualTo("AKIASANDBOXMANAGEMNT");
    assertThat(UUID.fromString(json.get("eventID").getAsString())).isNotNull();
    assertThat(json.get("eventSource").getAsString()).isEqualTo("sts.amazonaws.com");
    assertThat(json.get("awsRegion").getAsString()).isEqualTo("us-west-2");
    assertThat(json.get("recipientAccountId").getAsString()).isEqualTo(MANAGEMENT);
    assertThat(json.get("readOnly").getAsBoolean()).isFalse();
    assertThat(json.getAsJsonObject("userIdentity").get("accessKeyId").getAsString()).isEqualTo("AKIASANDBOXMANAGEMNT");
    assertThat(json.getAsJsonObject("userIdentity").get("type").getAsString()).isEqualTo("IAMUser");
    JsonObject parameters = json.getAsJsonObject("requestParameters");
    assertThat(parameters.get("targetPrincipal").getAsString()).isEqualTo(PROD_DATA);
    assertThat(parameters.getAsJsonObject("taskPolicyArn").get("arn").getAsString())
        .isEqualTo("arn:aws:iam::aws:policy/root-task/S3UnlockBucketPolicy");
    assertThat(json.getAsJsonObject("responseElements").getAsJsonObject("credentials").get("accessKeyId")
        .getAsString()).isEqualTo(session.accessKeyId());
    assertThat(event.json()).doesNotContain(session.secretAccessKey()).doesNotContain(session.sessionToken());
  }

  @Test
  void session_calls_are_recorded_in_the_member_account_as_root_with_the_session_key() {
    Credentials session = assumeRoot(Region.US_EAST_1, TaskPolicy.S3_UNLOCK_BUCKET_POLICY);

    Clients.session(aws, session).s3(Region.EU_WEST_1).getBucketPolicy(b -> b.bucket(DATA_BUCKET));

    TrailEvent event = only(aws.trail().events(PROD_DATA, "eu-west-1"));
    JsonObject json = JsonParser.parseString(event.json()).getAsJsonObject();
    JsonObject identity = json.getAsJsonObject("userIdentity");
    assertThat(event.eventName()).isEqualTo("GetBucketPolicy");
    assertThat(identity.get("type").getAsString()).isEqualTo("Root");
    assertThat(identity.get("arn").getAsString()).isEqualTo("arn:aws:iam::333333333333:root");
    assertThat(identity.get("accessKeyId").getAsString()).isEqualTo(session.accessKeyId());
    assertThat(json.get("eventSource").getAsString()).isEqualTo("s3.amazonaws.com");
    assertThat(json.get("recipientAccountId").getAsString()).isEqualTo(PROD_DATA);
    assertThat(json.get("readOnly").getAsBoolean()).isTrue();
    assertThat(json.getAsJsonObject("requestParameters").get("bucketName").getAsString()).isEqualTo(DATA_BUCKET);
    assertThat(json.getAsJsonArray("resources").get(0).getAsJsonObject().get("ARN").getAsString())
        .isEqualTo("arn:aws:s3:::data-lake-raw");
  }

  @Test
  void iam_events_are_recorded_in_us_east_1_whatever_region_signed_them() {
    Credentials session = assumeRoot(Region.US_EAST_1, TaskPolicy.IAM_AUDIT_ROOT_USER_CREDENTIALS);

    Clients.session(aws, session).iam().getUser();

    assertThat(aws.calls().withAccessKey(session.accessKeyId()).get(0).region()).isEqualTo("aws-global");
    assertThat(only(aws.trail().events(PROD_DATA, "us-east-1")).eventSource()).isEqualTo("iam.amazonaws.com");
  }

  @Test
  void a_refused_call_is_recorded_with_its_error() {
    Credentials session = assumeRoot(Region.US_EAST_1, TaskPolicy.IAM_AUDIT_ROOT_USER_CREDENTIALS);

    assertThatThrownBy(() -> Clients.session(aws, session).withoutRetries().iam().deleteLoginProfile(b -> { }))
        .isInstanceOf(AwsServiceException.class);

    TrailEvent event = only(aws.trail().events(PROD_DATA, "us-east-1"));
    JsonObject json = JsonParser.parseString(event.json()).getAsJsonObject();
    assertThat(event.errorCode()).contains("AccessDenied");
    assertThat(json.get("errorCode").getAsString()).isEqualTo("AccessDenied");
    assertThat(json.get("errorMessage").getAsString()).contains("no session policy allows the iam:DeleteLoginProfile");
    assertThat(aws.calls().withAccessKey(session.accessKeyId()).get(0).httpStatus()).isEqualTo(403);
  }

  @Test
  void lookup_events_finds_a_sessions_calls_by_access_key_newest_first() {
    aws.clock().freeze();
    Credentials session = assumeRoot(Region.US_EAST_1, TaskPolicy.IAM_AUDIT_ROOT_USER_CREDENTIALS);
    var iam = Clients.session(aws, session).iam();
    iam.getUser();
    aws.clock().advance(Duration.ofSeconds(1));
    iam.listAccessKeys(b -> { });

    List<Event> events = auditor(Region.US_EAST_1).lookupEvents(b -> b.lookupAttributes(
        LookupAttribute.builder().attributeKey(LookupAttributeKey.ACCESS_KEY_ID).attributeValue(session.accessKeyId())
            .build())).events();

    assertThat(events).extracting(Event::eventName).containsExactly("ListAccessKeys", "GetUser");
    assertThat(events).allSatisfy(e -> {
      assertThat(e.username()).isEqualTo("root");
      assertThat(e.accessKeyId()).isEqualTo(session.accessKeyId());
      assertThat(JsonParser.parseString(e.cloudTrailEvent()).getAsJsonObject().get("eventID").getAsString())
          .isEqualTo(e.eventId());
    });
  }

  @Test
  void lookup_events_sees_only_the_callers_account_and_region() {
    Clients.management(aws).sts().getCallerIdentity();

    assertThat(auditor(Region.US_EAST_1).lookupEvents().events()).isEmpty();
    assertThat(Clients.management(aws).cloudTrail(Region.US_EAST_1).lookupEvents().events())
        .extracting(Event::eventName).containsExactly("GetCallerIdentity");
    assertThat(Clients.management(aws).cloudTrail(Region.EU_WEST_1).lookupEvents().events()).isEmpty();
  }

  @Test
  void lookup_events_takes_at_most_one_lookup_attribute() {
    var attribute = LookupAttribute.builder().attributeKey(LookupAttributeKey.EVENT_NAME).attributeValue("GetUser")
        .build();
    CloudTrailClient trail = auditorClients().withoutRetries().cloudTrail(Region.US_EAST_1);

    assertRefused(() -> trail.lookupEvents(b -> b.lookupAttributes(attribute, attribute)), 400,
        "InvalidLookupAttributesException", "more than one");
    assertRefused(() -> trail.lookupEvents(b -> b.lookupAttributes(LookupAttribute.builder()
        .attributeKey("Colour").attributeValue("blue").build())), 400, "InvalidLookupAttributesException", "Colour");
    aws.clock().advance(Duration.ofSeconds(1)); // refused requests count towards the 2 a second too
    assertThat(trail.lookupEvents(b -> b.lookupAttributes(attribute)).events()).isEmpty();
  }

  @Test
  void max_results_above_50_is_refused() {
    assertRefused(() -> auditorClients().withoutRetries().cloudTrail(Region.US_EAST_1)
        .lookupEvents(b -> b.maxResults(51)), 400, "InvalidMaxResultsException", "50");
  }

  @Test
  void lookup_events_pages_with_next_token() {
    aws.clock().freeze();
    var sts = Clients.management(aws).sts();
    for (int i = 0; i < 5; i++) {
      sts.getCallerIdentity();
    }
    CloudTrailClient trail = Clients.management(aws).withoutRetries().cloudTrail(Region.US_EAST_1);
    var byName = LookupAttribute.builder().attributeKey(LookupAttributeKey.EVENT_NAME)
        .attributeValue("GetCallerIdentity").build();

    var first = trail.lookupEvents(b -> b.lookupAttributes(byName).maxResults(2));
    var second = trail.lookupEvents(b -> b.lookupAttributes(byName).maxResults(2).nextToken(first.nextToken()));
    aws.clock().advance(Duration.ofSeconds(1)); // two requests a second per account and region
    var third = trail.lookupEvents(b -> b.lookupAttributes(byName).maxResults(2).nextToken(second.nextToken()));

    assertThat(first.events()).hasSize(2);
    assertThat(second.events()).hasSize(2);
    assertThat(third.events()).hasSize(1);
    assertThat(third.nextToken()).isNull();
    assertThat(List.of(first, second, third)).flatExtracting(r -> r.events()).extracting(Event::eventId)
        .doesNotHaveDuplicates().hasSize(5);
  }

  @Test
  void more_than_two_requests_a_second_are_throttled() {
    aws.clock().freeze();
    CloudTrailClient trail = Clients.management(aws).withoutRetries().cloudTrail(Region.US_EAST_1);
    trail.lookupEvents();
    trail.lookupEvents();

    assertThatThrownBy(trail::lookupEvents).isInstanceOfSatisfying(AwsServiceException.class, e -> {
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
      assertThat(e.isThrottlingException()).isTrue();
    });
    assertThat(Clients.management(aws).withoutRetries().cloudTrail(Region.EU_WEST_1).lookupEvents().events())
        .as("another region has its own limit").isNotNull();

    aws.clock().advance(Duration.ofSeconds(1));
    assertThat(trail.lookupEvents().events()).isNotEmpty();
  }

  @Test
  void the_time_range_limits_what_is_found() {
    aws.clock().freeze();
    Instant start = aws.clock().now();
    var sts = Clients.management(aws).sts();
    sts.getCallerIdentity();
    aws.clock().advance(Duration.ofHours(1));
    sts.assumeRoot(b -> b.targetPrincipal(PROD_DATA)
        .taskPolicyArn(p -> p.arn(TaskPolicy.S3_UNLOCK_BUCKET_POLICY.arn())));
    CloudTrailClient trail = Clients.management(aws).withoutRetries().cloudTrail(Region.US_EAST_1);

    assertThat(trail.lookupEvents(b -> b.startTime(start.plus(Duration.ofMinutes(30)))).events())
        .extracting(Event::eventName).containsExactly("AssumeRoot");
    assertThat(trail.lookupEvents(b -> b.startTime(start).endTime(start.plus(Duration.ofMinutes(30)))).events())
        .extracting(Event::eventName).containsExactly("GetCallerIdentity");
    aws.clock().advance(Duration.ofSeconds(1));
    assertRefused(() -> trail.lookupEvents(b -> b.startTime(start.plusSeconds(60)).endTime(start)), 400,
        "InvalidTimeRangeException", "start time");
  }

  @Test
  void events_become_visible_only_after_the_delivery_delay() {
    aws.trail().deliveryDelay(Duration.ofMinutes(5));
    Clients.management(aws).sts().getCallerIdentity();
    CloudTrailClient trail = Clients.management(aws).cloudTrail(Region.US_EAST_1);

    assertThat(trail.lookupEvents().events()).isEmpty();
    assertThat(aws.trail().events(MANAGEMENT, "us-east-1")).hasSize(2);

    aws.clock().advance(Duration.ofMinutes(5));
    assertThat(trail.lookupEvents().events()).extracting(Event::eventName)
        .containsExactly("LookupEvents", "GetCallerIdentity");
  }

  private Credentials assumeRoot(Region region, TaskPolicy policy) {
    return Clients.management(aws).sts(region).assumeRoot(b -> b.targetPrincipal(PROD_DATA)
        .taskPolicyArn(p -> p.arn(policy.arn()))).credentials();
  }

  private Clients auditorClients() {
    return Clients.as(aws, aws.callerKey(PROD_DATA));
  }

  private CloudTrailClient auditor(Region region) {
    return auditorClients().cloudTrail(region);
  }

  private static TrailEvent only(List<TrailEvent> events) {
    assertThat(events).hasSize(1);
    return events.get(0);
  }
}
