package dev.statamcp.server.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQLite database under the data directory, in WAL mode so that several server processes (one per IDE
 * window is common) and the CLI can share it. Schema changes are numbered migrations applied in order at open.
 *
 * <p>One connection, used under this object's lock: the store writes a few rows per job, far below what one
 * SQLite connection sustains, and a single writer avoids SQLITE_BUSY inside one process.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** Migration scripts in resources/db, applied in this order; never edit one that has shipped. */
    static final List<String> MIGRATIONS = List.of("V1__jobs.sql");

    private final Connection connection;
    private final Path file;

    private Database(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    public static Database open(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA busy_timeout=10000");
                s.execute("PRAGMA foreign_keys=ON");
            }
            Database db = new Database(file, connection);
            db.migrate();
            return db;
        } catch (SQLException | IOException e) {
            throw new StoreException("cannot open the job store " + file + ": " + e.getMessage()
                    + " (check that the data directory is writable, or choose another with --data-dir)", e);
        }
    }

    public Path file() {
        return file;
    }

    /** The connection, to be used only inside {@link #inTransaction} or while holding this object's lock. */
    Connection connection() {
        return connection;
    }

    public int schemaVersion() {
        synchronized (this) {
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                return rs.next() ? rs.getInt(1) : 0;
            } catch (SQLException e) {
                throw new StoreException("cannot read the schema version: " + e.getMessage(), e);
            }
        }
    }

    /** Runs work in one transaction; the store's writes are all-or-nothing. */
    public <T> T inTransaction(SqlWork<T> work) {
        synchronized (this) {
            try {
                // BEGIN IMMEDIATE takes the write lock up front, so concurrent processes wait (busy_timeout)
                // instead of failing half-way through.
                try (Statement s = connection.createStatement()) {
                    s.execute("BEGIN IMMEDIATE");
                }
                try {
                    T result = work.run(connection);
                    try (Statement s = connection.createStatement()) {
                        s.execute("COMMIT");
                    }
                    return result;
                } catch (SQLException | RuntimeException e) {
                    try (Statement s = connection.createStatement()) {
                        s.execute("ROLLBACK");
                    }
                    throw e;
                }
            } catch (SQLException e) {
                throw new StoreException("job store write failed: " + e.getMessage(), e);
            }
        }
    }

    /** Runs a read; reads see the last committed state of every process. */
    public <T> T read(SqlWork<T> work) {
        synchronized (this) {
            try {
                return work.run(connection);
            } catch (SQLException e) {
                throw new StoreException("job store read failed: " + e.getMessage(), e);
            }
        }
    }

    private void migrate() throws SQLException, IOException {
        int current = schemaVersion();
        if (current > MIGRATIONS.size()) {
            throw new StoreException("the job store " + file + " has schema version " + current
                    + ", newer than this stata-mcp understands (" + MIGRATIONS.size()
                    + "); upgrade stata-mcp or use another --data-dir", null);
        }
        for (int v = current + 1; v <= MIGRATIONS.size(); v++) {
            String sql = readResource("/db/" + MIGRATIONS.get(v - 1));
            int version = v;
            inTransaction(c -> {
                // Re-check under the write lock: another process may have migrated meanwhile.
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                    if (rs.next() && rs.getInt(1) >= version) {
                        return null;
                    }
                }
                try (Statement s = c.createStatement()) {
                    for (String statement : sql.split(";\\s*(\\n|$)")) {
                        if (!statement.isBlank()) {
                            s.execute(statement);
                        }
                    }
                    s.execute("PRAGMA user_version=" + version);
                }
                return null;
            });
            LOG.info("job store {} migrated to schema version {}", file, version);
        }
    }

    private static String readResource(String name) throws IOException {
        try (InputStream in = Database.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing migration " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.warn("closing the job store: {}", e.getMessage());
            }
        }
    }

    /** A unit of JDBC work. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
