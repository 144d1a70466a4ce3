/**
 * The AWS wire protocols (awsQuery, restXml, awsJson 1.0 and 1.1): requests, answers, errors in each
 * protocol's words, and the per-call context the services share. Public only so the service packages can use it.
 */
package dev.rootbot.sandbox.aws.wire;
