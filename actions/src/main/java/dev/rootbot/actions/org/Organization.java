package dev.rootbot.actions.org;

import dev.rootbot.actions.task.AccountId;

/** The organization the bot serves: its ID, its management account, whether all features are on. */
public record Organization(String id, AccountId managementAccount, boolean allFeatures) {}
