package dev.rootbot.bot.metrics;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Times each AWS call, retries included, into {@code rootbot_aws_call_seconds} labelled with the service, the
 * operation and whether it succeeded. Added to every client's override configuration; stateless between calls.
 */
final class AwsCallTimer implements ExecutionInterceptor {
  static final String NAME = "rootbot_aws_call_seconds";
  private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("rootbot.started");

  private final Metrics metrics;

  AwsCallTimer(Metrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    attributes.putAttribute(STARTED, System.nanoTime());
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    record(attributes, "ok");
  }

  @Override
  public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
    record(attributes, "error");
  }

  private void record(ExecutionAttributes attributes, String outcome) {
    Long started = attributes.getAttribute(STARTED);
    if (started == null) {
      return; // failed before it started, e.g. a bad request that never reached AWS
    }
    metrics.recordSince(NAME, started, "service", name(attributes, SdkExecutionAttribute.SERVICE_NAME),
        "operation", name(attributes, SdkExecutionAttribute.OPERATION_NAME), "outcome", outcome);
  }

  private static String name(ExecutionAttributes attributes, ExecutionAttribute<String> attribute) {
    String value = attributes.getAttribute(attribute);
    return value == null ? "unknown" : value;
  }
}
