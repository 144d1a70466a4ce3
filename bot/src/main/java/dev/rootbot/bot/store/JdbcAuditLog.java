package dev.rootbot.bot.store;

import dev.rootbot.bot.audit.Anchor;
import dev.rootbot.bot.audit.Chain;
import dev.rootbot.bot.audit.ChainVerifier;
import dev.rootbot.bot.audit.ChainedEntry;
import dev.rootbot.bot.audit.Facts;
import dev.rootbot.bot.audit.Head;
import dev.rootbot.bot.audit.RequestRow;
import dev.rootbot.bot.audit.StoredEntry;
import dev.rootbot.bot.audit.UnreadableEntry;
import dev.rootbot.bot.audit.Verdict;
import dev.rootbot.bot.request.RequestId;
import dev.rootbot.bot.request.UserId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;

/**
 * The audit log in the {@code audit_log} table, which refuses UPDATE and DELETE (see {@link Schema}), as a hash
 * chain: each append reads the head and writes the next entry under the chain's lock ({@link Dialect#lockChain}),
 * which its transaction holds to its end, so appends never interleave. Appending transactions are
 * {@link Database#writeAudited}, which take the lock before any row.
 */
final class JdbcAuditLog implements AuditLog {
  /** The actor of what Rootbot does by itself: expiring, recovering, giving up on a message. */
  static final String ROOTBOT = "rootbot";
  /** Rows a PostgreSQL cursor fetches at a time while streaming the chain. */
  private static final int FETCH = 1_000;

  private final Database database;

  JdbcAuditLog(Database database) {
    this.database = database;
  }

  /**
   * Appends within the caller's {@link Database#writeAudited} transaction, so the entry is stored exactly when what
   * it describes is, and no other append comes between reading the head and writing after it. The
   * entry's time is {@code at}, or its predecessor's when that is later (time never goes backwards in the chain).
   *
   * @param facts what the entry establishes about its request ({@link dev.rootbot.bot.audit.RequestFacts})
   */
  ChainedEntry append(Connection connection, Instant at, Optional<RequestId> request, String actor, String event,
      String detail, Facts facts) throws SQLException {
    Dialect dialect = database.dialect();
    if (!database.holdsChainLock(connection)) {
      dialect.lockChain(connection); // a plain write that appends: still one append at a time, though late
    }
    Head head = ChainRows.head(connection, dialect);
    ChainedEntry entry = Chain.next(head, at, request, actor, event, detail, facts);
    try (PreparedStatement insert = connection.prepareStatement(ChainRows.insertInto("audit_log"))) {
      ChainRows.set(insert, entry, dialect);
      insert.executeUpdate();
    }
    return entry;
  }

  /** Appends an entry that establishes no fact about its request (a refusal, a dropped message). */
  ChainedEntry append(Connection connection, Instant at, Optional<RequestId> request, String actor, String event,
      String detail) throws SQLException {
    return append(connection, at, request, actor, event, detail, Facts.NONE);
  }

  @Override
  public void refused(Optional<RequestId> request, UserId who, String attempted, String why) {
    database.writeAudited(connection -> append(connection, database.now(), request, who.value(), "refused " + attempted,
        why));
  }

  @Override
  public void noted(Optional<RequestId> request, String actor, String event, String detail) {
    database.write(connection -> {
      append(connection, database.now(), request, actor, event, detail);
      return null;
    });
  }

  @Override
  public List<AuditEntry> of(RequestId request) {
    return database.read(connection -> {
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT seq, at, request_id, actor, event, detail FROM audit_log WHERE request_id = ? ORDER BY seq")) {
        select.setString(1, request.value());
        return entries(select);
      }
    });
  }

  @Override
  public List<AuditEntry> latest(int limit) {
    return database.read(connection -> {
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT seq, at, request_id, actor, event, detail FROM audit_log ORDER BY seq DESC LIMIT ?")) {
        select.setInt(1, limit);
        return entries(select);
      }
    });
  }

  @Override
  public Head head() {
    return database.read(connection -> ChainRows.head(connection, database.dialect()));
  }

  @Override
  public Verdict verify(Optional<Anchor> anchor) {
    Dialect dialect = database.dialect();
    return database.snapshot(connection -> {
      try (PreparedStatement entries = streaming(connection, "SELECT " + ChainRows.ENTRY_COLUMNS
              + " FROM audit_log ORDER BY seq");
          PreparedStatement requests = streaming(connection, "SELECT " + ChainRows.REQUEST_COLUMNS
              + " FROM requests ORDER BY id");
          var chain = new Rows<StoredEntry>(entries, row -> ChainRows.entry(row, dialect));
          var rows = new Rows<RequestRow>(requests, ChainRows::request)) {
        return Rows.unwrapping(() -> ChainVerifier.verify(chain, anchor, rows));
      }
    });
  }

  @Override
  public <T> T read(Function<Iterator<ChainedEntry>, T> reader) {
    return database.snapshot(connection -> {
      try (PreparedStatement select = streaming(connection, "SELECT " + ChainRows.ENTRY_COLUMNS
              + " FROM audit_log ORDER BY seq");
          var chain = new Rows<ChainedEntry>(select, this::readable)) {
        return Rows.unwrapping(() -> reader.apply(chain));
      }
    });
  }

  @Override
  public List<ChainedEntry> chainOf(RequestId request) {
    return database.read(connection -> {
      try (PreparedStatement select = connection.prepareStatement("SELECT " + ChainRows.ENTRY_COLUMNS
          + " FROM audit_log WHERE request_id = ? ORDER BY seq")) {
        select.setString(1, request.value());
        var entries = new ArrayList<ChainedEntry>();
        try (ResultSet row = select.executeQuery()) {
          while (row.next()) {
            entries.add(readable(row));
          }
        }
        return entries;
      }
    });
  }

  private ChainedEntry readable(ResultSet row) throws SQLException {
    StoredEntry entry = ChainRows.entry(row, database.dialect());
    if (entry instanceof UnreadableEntry unreadable) {
      throw new StoreFailure("audit entry " + unreadable.seq() + " cannot be read (" + unreadable.why()
          + "): the chain is damaged there; rootbot audit verify says how");
    }
    return (ChainedEntry) entry;
  }

  private static PreparedStatement streaming(Connection connection, String sql) throws SQLException {
    PreparedStatement select = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
    select.setFetchSize(FETCH);
    return select;
  }

  private List<AuditEntry> entries(PreparedStatement select) throws SQLException {
    var entries = new ArrayList<AuditEntry>();
    try (ResultSet row = select.executeQuery()) {
      while (row.next()) {
        entries.add(new AuditEntry(row.getLong("seq"), database.dialect().requiredInstant(row, "at"),
            Optional.ofNullable(row.getString("request_id")).map(RequestId::new), row.getString("actor"),
            row.getString("event"), row.getString("detail")));
      }
    }
    return entries;
  }

  /**
   * The rows of a query as an iterator, for code that knows nothing of JDBC. The query runs at the first
   * {@link #hasNext}, so the verifier reads the requests only after the chain. SQL errors pass through as
   * {@link Failure} and come out of {@link #unwrapping} as what they were.
   */
  private static final class Rows<T> implements Iterator<T>, AutoCloseable {
    interface Reader<T> {
      T read(ResultSet row) throws SQLException;
    }

    interface Reading<T> {
      T run();
    }

    private static final class Failure extends RuntimeException {
      private static final long serialVersionUID = 1L;

      Failure(SQLException cause) {
        super(cause);
      }
    }

    private final PreparedStatement query;
    private final Reader<T> reader;
    private ResultSet rows;
    private Boolean ready;

    Rows(PreparedStatement query, Reader<T> reader) {
      this.query = query;
      this.reader = reader;
    }

    static <T> T unwrapping(Reading<T> reading) throws SQLException {
      try {
        return reading.run();
      } catch (Failure e) {
        throw (SQLException) e.getCause();
      }
    }

    @Override
    public boolean hasNext() {
      try {
        if (rows == null) {
          rows = query.executeQuery();
        }
        if (ready == null) {
          ready = rows.next();
        }
        return ready;
      } catch (SQLException e) {
        throw new Failure(e);
      }
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      ready = null;
      try {
        return reader.read(rows);
      } catch (SQLException e) {
        throw new Failure(e);
      }
    }

    @Override
    public void close() throws SQLException {
      if (rows != null) {
        rows.close();
      }
    }
  }
}
