package dev.rootbot.sandbox.aws;

import static dev.rootbot.sandbox.aws.Demo.PAYMENTS_BUCKET;
import static dev.rootbot.sandbox.aws.Demo.PROD_PAYMENTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.rootbot.sandbox.aws.policy.TaskPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/** The unsigned inspection views a browser page reads. */
class InspectionTest {
  private final SimulatedAws aws = SimulatedAws.start(Seed.demo());
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    aws.close();
  }

  @Test
  void state_shows_the_organization_its_accounts_and_their_resources() throws Exception {
    HttpResponse<String> response = get("/_sandbox/state");
    JsonObject state = JsonParser.parseString(response.body()).getAsJsonObject();

    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
        .startsWith("application/json"));
    JsonObject organization = state.getAsJsonObject("organization");
    assertThat(organization.get("id").getAsString()).isEqualTo("o-exampleorg1");
    assertThat(strings(organization.getAsJsonArray("features"))).containsExactly("RootCredentialsManagement",
        "RootSessions");
    assertThat(strings(organization.getAsJsonArray("trustedServices"))).containsExactly("iam.amazonaws.com");
    assertThat(state.getAsJsonObject("managementAccount").get("id").getAsString()).isEqualTo("111111111111");

    JsonObject root = state.getAsJsonObject("root");
    assertThat(names(root.getAsJsonArray("accounts"))).containsExactly("security-tooling");
    JsonArray units = root.getAsJsonArray("organizationalUnits");
    assertThat(names(units)).containsExactly("Production", "Sandbox");
    JsonObject payments = units.get(0).getAsJsonObject().getAsJsonArray("accounts").get(0).getAsJsonObject();
    assertThat(payments.get("name").getAsString()).isEqualTo("prod-payments");
    JsonObject bucket = payments.getAsJsonArray("buckets").get(0).getAsJsonObject();
    assertThat(bucket.get("region").getAsString()).isEqualTo("us-east-1");
    assertThat(bucket.get("policy").getAsString()).contains("DenyEveryone");
    assertThat(payments.getAsJsonArray("queues").get(0).getAsJsonObject().get("url").getAsString())
        .isEqualTo(Demo.PAYMENTS_QUEUE_URL);
    JsonObject data = units.get(0).getAsJsonObject().getAsJsonArray("accounts").get(1).getAsJsonObject();
    assertThat(data.getAsJsonObject("rootCredentials").get("password").getAsBoolean()).isTrue();
    assertThat(data.getAsJsonObject("rootCredentials").getAsJsonArray("accessKeys")).hasSize(1);

    JsonObject denyRoot = state.getAsJsonArray("serviceControlPolicies").get(1).getAsJsonObject();
    assertThat(denyRoot.get("name").getAsString()).isEqualTo("DenyRootUser");
    assertThat(denyRoot.getAsJsonArray("targets").get(0).getAsJsonObject().get("name").getAsString())
        .isEqualTo("Sandbox");
    assertThat(response.body()).doesNotContain("sandbox-management-secret");
  }

  @Test
  void state_follows_changes_and_shows_sessions_without_their_secrets() throws Exception {
    Clients session = Clients.rootSession(aws, PROD_PAYMENTS, TaskPolicy.S3_UNLOCK_BUCKET_POLICY);
    session.s3(Region.US_EAST_1).deleteBucketPolicy(b -> b.bucket(PAYMENTS_BUCKET));

    String body = get("/_sandbox/state").body();
    JsonObject state = JsonParser.parseString(body).getAsJsonObject();

    JsonObject payments = state.getAsJsonObject("root").getAsJsonArray("organizationalUnits").get(0)
        .getAsJsonObject().getAsJsonArray("accounts").get(0).getAsJsonObject();
    assertThat(payments.getAsJsonArray("buckets").get(0).getAsJsonObject().get("policy").isJsonNull()).isTrue();
    JsonObject listed = state.getAsJsonArray("sessions").get(0).getAsJsonObject();
    assertThat(listed.get("accessKeyId").getAsString()).isEqualTo(session.accessKeyId());
    assertThat(listed.get("taskPolicy").getAsString()).isEqualTo("S3UnlockBucketPolicy");
    assertThat(body).doesNotContain(session.credentials().secretAccessKey());
  }

  @Test
  void events_are_numbered_in_order_and_can_be_read_from_a_point_on() throws Exception {
    Clients.management(aws).sts().getCallerIdentity();
    Clients.rootSession(aws, PROD_PAYMENTS, TaskPolicy.S3_UNLOCK_BUCKET_POLICY).s3(Region.US_EAST_1)
        .getBucketPolicy(b -> b.bucket(PAYMENTS_BUCKET));

    HttpResponse<String> all = get("/_sandbox/events?after=0");
    JsonObject page = JsonParser.parseString(all.body()).getAsJsonObject();
    JsonArray events = page.getAsJsonArray("events");
    JsonObject later = JsonParser.parseString(get("/_sandbox/events?after=2").body()).getAsJsonObject();

    assertThat(all.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
    assertThat(events).hasSize(3);
    assertThat(StreamSupport.stream(events.spliterator(), false).map(e -> e.getAsJsonObject().get("sequence")
        .getAsLong())).containsExactly(1L, 2L, 3L);
    JsonObject s3 = events.get(2).getAsJsonObject();
    assertThat(s3.get("account").getAsString()).isEqualTo(PROD_PAYMENTS);
    assertThat(s3.get("eventName").getAsString()).isEqualTo("GetBucketPolicy");
    assertThat(s3.get("userIdentityType").getAsString()).isEqualTo("Root");
    assertThat(s3.get("errorCode").isJsonNull()).isTrue();
    assertThat(s3.getAsJsonObject("event").get("eventSource").getAsString()).isEqualTo("s3.amazonaws.com");
    assertThat(page.get("lastSequence").getAsLong()).isEqualTo(3);
    assertThat(later.getAsJsonArray("events")).hasSize(1);
    assertThat(get("/_sandbox/events?after=x").statusCode()).isEqualTo(400);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(aws.endpoint() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static List<String> strings(JsonArray array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonElement::getAsString).toList();
  }

  private static List<String> names(JsonArray array) {
    return StreamSupport.stream(array.spliterator(), false).map(e -> e.getAsJsonObject().get("name").getAsString())
        .toList();
  }
}
