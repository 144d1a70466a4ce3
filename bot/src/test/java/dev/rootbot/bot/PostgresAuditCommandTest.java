package dev.rootbot.bot;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The audit commands on PostgreSQL ({@link Postgres}: skipped when no server answers, unless {@code CI=true}), where
 * the owner disables the triggers and drops the constraints, each test in a schema of its own.
 */
class PostgresAuditCommandTest extends AuditCommandContract {
  private String url;

  @Override
  String newStore() {
    url = Postgres.newSchema("rootbot_audit");
    return url;
  }

  @Override
  Connection raw() throws SQLException {
    return DriverManager.getConnection(url);
  }

  @Override
  void disableTriggers(Statement sql) throws SQLException {
    sql.execute("ALTER TABLE audit_log DISABLE TRIGGER USER");
  }

  @Override
  void dropSeqConstraints(Statement sql) throws SQLException {
    sql.execute("ALTER TABLE audit_log DROP CONSTRAINT audit_log_pkey");
    sql.execute("ALTER TABLE audit_log DROP CONSTRAINT audit_log_seq_check");
  }

  @Override
  void dropStore() {
    if (url != null) {
      Postgres.dropSchema(url);
    }
  }
}
