/**
 * A simulated AWS organization for tests and the sandbox: start one with {@link
 * dev.rootbot.sandbox.aws.SimulatedAws#start(dev.rootbot.sandbox.aws.Seed)}, point the AWS SDK at its endpoint,
 * and inspect its state, calls and CloudTrail events. See {@code sandbox/README.md}.
 */
package dev.rootbot.sandbox.aws;
