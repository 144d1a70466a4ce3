package dev.rootbot.sandbox.aws.s3;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.rootbot.sandbox.aws.policy.PolicyDocument;
import dev.rootbot.sandbox.aws.policy.Resource;
import dev.rootbot.sandbox.aws.sigv4.SigV4;
import dev.rootbot.sandbox.aws.wire.AwsException;
import dev.rootbot.sandbox.aws.wire.AwsResponse;
import dev.rootbot.sandbox.aws.wire.Call;
import dev.rootbot.sandbox.aws.wire.Failure;
import dev.rootbot.sandbox.aws.wire.Handler;
import dev.rootbot.sandbox.aws.wire.Page;
import dev.rootbot.sandbox.aws.wire.Service;
import dev.rootbot.sandbox.aws.wire.TrailResource;
import dev.rootbot.sandbox.aws.wire.XmlWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.zip.CRC32;

/**
 * Amazon S3 (restXml, path-style): ListBuckets and the bucket policy calls, plus GetBucketLocation and
 * HeadBucket so that a root session's refusal of them can be seen.
 *
 * <p>Like S3, it answers a bucket call sent to another region with {@code 301 PermanentRedirect} and puts
 * {@code x-amz-bucket-region} on every bucket response, successful or not.
 */
public final class S3Service implements Handler {
  private static final String NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";
  private static final DateTimeFormatter S3_TIME = DateTimeFormatter.ISO_INSTANT;

  private final Buckets buckets;
  private final Map<String, Function<Call, AwsResponse>> operations = Map.of(
      "ListBuckets", this::listBuckets,
      "GetBucketPolicy", c -> onBucket(c, "s3:GetBucketPolicy", this::getPolicy),
      "PutBucketPolicy", c -> onBucket(c, "s3:PutBucketPolicy", this::putPolicy),
      "DeleteBucketPolicy", c -> onBucket(c, "s3:DeleteBucketPolicy", this::deletePolicy),
      "GetBucketLocation", c -> onBucket(c, "s3:GetBucketLocation", this::location),
      "HeadBucket", c -> onBucket(c, "s3:ListBucket", (b, call) -> AwsResponse.empty(200)));

  public S3Service(Buckets buckets) {
    this.buckets = buckets;
  }

  @Override
  public Map<String, Function<Call, AwsResponse>> operations() {
    return operations;
  }

  @Override
  public AwsException unknown(Call call) {
    return Failure.UNKNOWN_OPERATION.in(Service.S3).detail("Method", call.request().method())
        .detail("ResourceType", call.operation());
  }

  private AwsResponse listBuckets(Call call) {
    call.authorize("s3:ListAllMyBuckets", Resource.any("*"));
    var query = call.request().queryParameters();
    Optional<String> prefix = Optional.ofNullable(query.get("prefix"));
    Optional<String> region = Optional.ofNullable(query.get("bucket-region"));
    List<Bucket> mine = buckets.in(call.caller().account()).stream()
        .filter(b -> prefix.map(b.name()::startsWith).orElse(true))
        .filter(b -> region.map(b.region()::equals).orElse(true))
        .toList();
    int size;
    try {
      size = Optional.ofNullable(query.get("max-buckets")).map(Integer::parseInt).orElse(10_000);
    } catch (NumberFormatException e) {
      throw AwsException.of(400, "InvalidArgument", "max-buckets must be an integer").detail("ArgumentName",
          "max-buckets");
    }
    Page<Bucket> page;
    try {
      page = Page.of(mine, Math.max(1, size), Optional.ofNullable(query.get("continuation-token")));
    } catch (IllegalArgumentException e) {
      throw AwsException.of(400, "InvalidArgument", "The continuation token provided is incorrect");
    }
    var xml = new XmlWriter().open("ListAllMyBucketsResult", NAMESPACE)
        .open("Owner").leaf("ID", canonicalId(call.caller().account())).close()
        .open("Buckets");
    for (Bucket bucket : page.items()) {
      xml.open("Bucket").leaf("Name", bucket.name()).leaf("CreationDate", s3Time(bucket.created()))
          .leaf("BucketRegion", bucket.region()).close();
    }
    xml.close();
    page.nextToken().ifPresent(token -> xml.leaf("ContinuationToken", token));
    prefix.ifPresent(p -> xml.leaf("Prefix", p));
    return AwsResponse.of(200, "application/xml", xml.close().toString());
  }

  private AwsResponse getPolicy(Buckets.Entry bucket, Call call) {
    PolicyDocument policy = bucket.policy.get().orElseThrow(() -> AwsException.of(404, "NoSuchBucketPolicy",
        "The bucket policy does not exist").detail("BucketName", bucket.name));
    return AwsResponse.of(200, "application/json", policy.json());
  }

  private AwsResponse putPolicy(Buckets.Entry bucket, Call call) {
    checkIntegrity(call);
    String text = new String(call.request().body(), StandardCharsets.UTF_8);
    PolicyDocument policy;
    try {
      policy = PolicyDocument.parse(text);
    } catch (IllegalArgumentException e) {
      throw AwsException.of(400, "MalformedPolicy", "Policies must be valid JSON and the first byte must be '{'");
    }
    bucket.policy.set(Optional.of(policy));
    JsonObject parameters = call.requestParameters();
    parameters.add("bucketPolicy", JsonParser.parseString(text));
    parameters.addProperty("policy", "");
    call.requestParameters(parameters);
    return AwsResponse.empty(204);
  }

  private AwsResponse deletePolicy(Buckets.Entry bucket, Call call) {
    bucket.policy.set(Optional.empty());
    return AwsResponse.empty(204);
  }

  private AwsResponse location(Buckets.Entry bucket, Call call) {
    // S3 writes an empty LocationConstraint for us-east-1, for historical reasons.
    String constraint = bucket.region.equals("us-east-1") ? "" : bucket.region;
    return AwsResponse.of(200, "application/xml",
        new XmlWriter().open("LocationConstraint", NAMESPACE).text(constraint).close().toString());
  }

  /**
   * Finds the bucket, redirects a request sent to the wrong region, checks the expected owner and permissions,
   * then does {@code operation}; every answer carries the bucket's region.
   */
  private AwsResponse onBucket(Call call, String action, BucketOperation operation) {
    String name = call.bucket().orElseThrow();
    Optional<Buckets.Entry> found = buckets.entry(name);
    if (found.isEmpty()) {
      // As in AWS, a caller its SCPs or task policy refuse is told so whether or not the bucket exists.
      call.authorize(action, Resource.any("arn:aws:s3:::" + name));
      throw AwsException.of(404, "NoSuchBucket", "The specified bucket does not exist").detail("BucketName", name);
    }
    Buckets.Entry bucket = found.get();
    call.eventRegion(bucket.region);
    call.resource(new TrailResource("AWS::S3::Bucket", name, "arn:aws:s3:::" + name, bucket.account));
    try {
      boolean anyRegion = call.operation().equals("GetBucketLocation");
      if (!anyRegion && !bucket.region.equals(call.region())) {
        throw AwsException.of(301, "PermanentRedirect", "The bucket you are attempting to access must be addressed "
                + "using the specified endpoint. Please send all future requests to this endpoint.")
            .detail("Endpoint", "s3." + bucket.region + ".amazonaws.com")
            .detail("Bucket", name);
      }
      call.request().header("x-amz-expected-bucket-owner").filter(owner -> !owner.equals(bucket.account))
          .ifPresent(owner -> {
            throw Failure.ACCESS_DENIED.in(Service.S3);
          });
      call.authorize(action, Resource.owned("arn:aws:s3:::" + name, bucket.account, bucket.policy.get()));
      return operation.apply(bucket, call).withHeader("x-amz-bucket-region", bucket.region);
    } catch (AwsException e) {
      throw e.header("x-amz-bucket-region", bucket.region);
    }
  }

  @FunctionalInterface
  private interface BucketOperation {
    AwsResponse apply(Buckets.Entry bucket, Call call);
  }

  /** PutBucketPolicy requires an integrity check; the SDK sends a CRC32 (or, when configured so, an MD5). */
  private static void checkIntegrity(Call call) {
    byte[] body = call.request().body();
    call.request().header("x-amz-checksum-crc32").ifPresent(given -> {
      var crc = new CRC32();
      crc.update(body);
      String actual = Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
      if (!actual.equals(given)) {
        throw AwsException.of(400, "BadDigest", "The CRC32 you specified did not match the calculated checksum.");
      }
    });
    call.request().header("content-md5").ifPresent(given -> {
      String actual;
      try {
        actual = Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(body));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("the JDK always has MD5", e);
      }
      if (!actual.equals(given)) {
        throw AwsException.of(400, "BadDigest", "The Content-MD5 you specified did not match what we received.");
      }
    });
  }

  /** S3 writes times with milliseconds, e.g. 2024-01-15T00:00:00.000Z. */
  private static String s3Time(Instant time) {
    String iso = S3_TIME.format(time.truncatedTo(ChronoUnit.MILLIS));
    return iso.contains(".") ? iso : iso.replace("Z", ".000Z");
  }

  /** A canonical user ID: 64 hex digits, stable per account. */
  private static String canonicalId(String account) {
    return SigV4.sha256Hex(("canonical-user:" + account).getBytes(StandardCharsets.UTF_8));
  }
}
