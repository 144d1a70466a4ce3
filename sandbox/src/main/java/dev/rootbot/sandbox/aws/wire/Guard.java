package dev.rootbot.sandbox.aws.wire;

import dev.rootbot.sandbox.aws.policy.Resource;

/** Decides whether a call's caller may perform an IAM action on a resource; throws {@code AccessDenied} if not. */
@FunctionalInterface
public interface Guard {
  void authorize(Call call, String action, Resource resource);
}
