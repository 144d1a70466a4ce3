/** The CloudTrail events of every call, and LookupEvents over them. */
package dev.rootbot.sandbox.aws.cloudtrail;
