/** Who signs requests: IAM users with long-term keys and the root sessions AssumeRoot issues. */
package dev.rootbot.sandbox.aws.identity;
