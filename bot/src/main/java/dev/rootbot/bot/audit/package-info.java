/**
 * The audit chain, pure: the canonical form and hash of an audit entry ({@link dev.rootbot.bot.audit.Chain}),
 * the verifier that names the first break ({@link dev.rootbot.bot.audit.ChainVerifier}), exports, the
 * evidence document of one request and the Slack history text. No I/O: the store feeds it entries and
 * keeps what it computes. The definition an auditor reads is {@code docs/audit-chain.md}.
 */
package dev.rootbot.bot.audit;
