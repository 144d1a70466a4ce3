/**
 * The approval policy: which rule applies to a request ({@link dev.rootbot.bot.policy.Policy#select}), who may
 * ask, approve, deny and break glass under it ({@link dev.rootbot.bot.policy.Rule}), and the file that says so
 * ({@link dev.rootbot.bot.policy.PolicyFile}). Pure, except reading the file and
 * {@link dev.rootbot.bot.policy.AwsOrganizationView}, which reads the organization's tree at the edge.
 */
package dev.rootbot.bot.policy;
