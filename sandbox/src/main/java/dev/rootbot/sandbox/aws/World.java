package dev.rootbot.sandbox.aws;

import dev.rootbot.sandbox.aws.cloudtrail.Trail;
import dev.rootbot.sandbox.aws.iam.RootUsers;
import dev.rootbot.sandbox.aws.identity.Identities;
import dev.rootbot.sandbox.aws.organizations.Organization;
import dev.rootbot.sandbox.aws.s3.Buckets;
import dev.rootbot.sandbox.aws.sqs.Queues;

/** Everything the simulated AWS holds, as built from a seed. */
record World(
    SimulatedClock clock,
    Organization organization,
    Identities identities,
    RootUsers rootUsers,
    Buckets buckets,
    Queues queues,
    Trail trail) {}
