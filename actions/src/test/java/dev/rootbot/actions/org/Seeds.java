package dev.rootbot.actions.org;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.rootbot.sandbox.aws.Seed;

/** Organizations for tests that the demo does not have: nested OUs, many accounts. */
final class Seeds {
  private Seeds() {}

  /** The demo with an OU nested in an OU nested in Production, holding {@code accounts} accounts (7000000000NN). */
  static Seed nested(int accounts) {
    JsonObject seed = JsonParser.parseString(Seed.demo().toJson()).getAsJsonObject();
    JsonObject production = seed.getAsJsonObject("organization").getAsJsonArray("organizationalUnits").get(0)
        .getAsJsonObject();
    JsonObject eu = unit("EU");
    for (int i = 0; i < accounts; i++) {
      eu.getAsJsonArray("accounts").add(account(String.format("7000000%05d", i), String.format("payments-eu-%02d", i)));
    }
    JsonObject payments = unit("Payments");
    payments.getAsJsonArray("organizationalUnits").add(eu);
    production.add("organizationalUnits", new JsonArray());
    production.getAsJsonArray("organizationalUnits").add(payments);
    return Seed.fromJson(seed.toString());
  }

  static JsonObject unit(String name) {
    JsonObject unit = new JsonObject();
    unit.addProperty("name", name);
    unit.add("accounts", new JsonArray());
    unit.add("organizationalUnits", new JsonArray());
    return unit;
  }

  static JsonObject account(String id, String name) {
    JsonObject account = new JsonObject();
    account.addProperty("id", id);
    account.addProperty("name", name);
    return account;
  }
}
