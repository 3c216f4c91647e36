package dev.statamcp.server.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statamcp.server.jobs.Job;
import dev.statamcp.server.jobs.JobId;
import dev.statamcp.server.jobs.JobProgress;
import dev.statamcp.server.jobs.JobSpec;
import dev.statamcp.server.jobs.JobStatus;
import dev.statamcp.server.json.Json;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Jobs in the SQLite store. Every state change is one committed statement, and a job's final result is written
 * here before anyone is told about it, so whatever a client saw can be read again later.
 */
public final class JobStore {
    private static final String COLUMNS = "id, kind, session, spec_json, origin, status, created_at, started_at,"
            + " finished_at, rc, error_json, summary, graphs_json, log_path, progress_done, progress_total,"
            + " last_line, executor_json, cancel_reason, owner_pid, owner_started_at";

    private final Database db;

    public JobStore(Database db) {
        this.db = db;
    }

    public Database database() {
        return db;
    }

    /** Records a new job (normally queued) owned by the given server process. */
    public void insert(Job job, ProcessOwner owner) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO jobs (" + COLUMNS
                    + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                int i = 1;
                ps.setString(i++, job.id().value());
                ps.setString(i++, job.spec().kind().wireName());
                ps.setString(i++, job.spec().session());
                ps.setString(i++, Json.write(job.spec()));
                ps.setString(i++, job.origin());
                ps.setString(i++, job.status().wireName());
                ps.setLong(i++, job.createdAt().toEpochMilli());
                setInstant(ps, i++, job.startedAt());
                setInstant(ps, i++, job.finishedAt());
                setInteger(ps, i++, job.rc());
                ps.setString(i++, job.error() == null ? null : Json.write(job.error()));
                ps.setString(i++, job.summary());
                ps.setString(i++, Json.write(job.graphs()));
                ps.setString(i++, job.logPath() == null ? null : job.logPath().toString());
                ps.setLong(i++, job.progress().commandsDone());
                setLong(ps, i++, job.progress().commandsTotal());
                ps.setString(i++, job.progress().lastLine());
                ps.setString(i++, job.executor() == null ? null : Json.write(job.executor()));
                ps.setString(i++, job.cancelReason());
                ps.setLong(i++, owner.pid());
                ps.setLong(i, owner.startedAtMillis());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** queued → running. Returns false when the job is no longer queued (e.g. cancelled meanwhile). */
    public boolean markRunning(JobId id, Instant startedAt, Path logPath) {
        return update("UPDATE jobs SET status='running', started_at=?, log_path=COALESCE(?, log_path)"
                + " WHERE id=? AND status='queued'", startedAt.toEpochMilli(),
                logPath == null ? null : logPath.toString(), id.value()) == 1;
    }

    public void updateProgress(JobId id, JobProgress progress) {
        update("UPDATE jobs SET progress_done=?, progress_total=?, last_line=? WHERE id=? AND status='running'",
                progress.commandsDone(), progress.commandsTotal(), progress.lastLine(), id.value());
    }

    /** Executor facts needed to re-adopt the job later (batch pid and start time, Slurm job id). */
    public void updateExecutor(JobId id, JsonNode executor) {
        update("UPDATE jobs SET executor_json=? WHERE id=?", Json.write(executor), id.value());
    }

    /** Hands a job over to another server process (the one that re-adopted it). */
    public void changeOwner(JobId id, ProcessOwner owner) {
        update("UPDATE jobs SET owner_pid=?, owner_started_at=? WHERE id=?", owner.pid(),
                owner.startedAtMillis(), id.value());
    }

    /**
     * Writes a job's end: status, result and everything a later reader needs. Only the first completion counts:
     * returns false (and changes nothing) when the job had already ended, so a late cancel cannot overwrite a
     * stored success and vice versa.
     */
    public boolean complete(JobId id, Completion done) {
        if (!done.status().isTerminal()) {
            throw new IllegalArgumentException("complete() needs a terminal status, not " + done.status());
        }
        return update("UPDATE jobs SET status=?, finished_at=?, rc=?, error_json=?, summary=?, result_json=?,"
                        + " graphs_json=?, cancel_reason=?, progress_done=MAX(progress_done, ?),"
                        + " last_line=COALESCE(?, last_line), log_path=COALESCE(?, log_path)"
                        + " WHERE id=? AND status IN ('queued','running')",
                done.status().wireName(), done.finishedAt().toEpochMilli(), done.rc(),
                done.error() == null ? null : Json.write(done.error()), done.summary(),
                done.resultJson(), Json.write(done.graphs()), done.reason(), done.progress().commandsDone(),
                done.progress().lastLine(), done.log() == null ? null : done.log().toString(), id.value()) == 1;
    }

    public Optional<Job> find(JobId id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM jobs WHERE id=?")) {
                ps.setString(1, id.value());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(toJob(rs)) : Optional.empty();
                }
            }
        });
    }

    /** The tool result stored when the job ended, as JSON text; empty while it runs. */
    public Optional<String> result(JobId id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT result_json FROM jobs WHERE id=?")) {
                ps.setString(1, id.value());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** Newest first, filtered by status and session when given. */
    public List<Job> list(JobFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM jobs WHERE 1=1");
        List<Object> args = new ArrayList<>();
        if (!filter.statuses().isEmpty()) {
            sql.append(" AND status IN (").append("?,".repeat(filter.statuses().size() - 1)).append("?)");
            filter.statuses().forEach(s -> args.add(s.wireName()));
        }
        if (filter.session() != null) {
            sql.append(" AND session=?");
            args.add(filter.session());
        }
        if (filter.origin() != null) {
            sql.append(" AND origin=?");
            args.add(filter.origin());
        }
        sql.append(" ORDER BY created_at ").append(filter.oldestFirst() ? "ASC" : "DESC")
                .append(", id ").append(filter.oldestFirst() ? "ASC" : "DESC").append(" LIMIT ?");
        args.add(filter.limit());
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                bind(ps, args.toArray());
                List<Job> jobs = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        jobs.add(toJob(rs));
                    }
                }
                return jobs;
            }
        });
    }

    /**
     * Newest first, strictly older than the job created at {@code createdAt} with id {@code id} (same order as
     * {@link #list}): keyset pages that neither repeat nor skip jobs when new ones are added meanwhile.
     */
    public List<Job> listOlderThan(Instant createdAt, JobId id, int limit) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM jobs"
                    + " WHERE created_at < ? OR (created_at = ? AND id < ?) ORDER BY created_at DESC, id DESC LIMIT ?")) {
                bind(ps, new Object[] {createdAt.toEpochMilli(), createdAt.toEpochMilli(), id.value(), limit});
                List<Job> jobs = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        jobs.add(toJob(rs));
                    }
                }
                return jobs;
            }
        });
    }

    /** Jobs not yet ended, with the process that owns each: a restarting server decides what to do with them. */
    public List<OwnedJob> unfinished() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM jobs WHERE status IN ('queued','running') ORDER BY created_at, id")) {
                List<OwnedJob> jobs = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        jobs.add(new OwnedJob(toJob(rs),
                                new ProcessOwner(rs.getLong("owner_pid"), rs.getLong("owner_started_at"))));
                    }
                }
                return jobs;
            }
        });
    }

    /**
     * Retention: deletes ended jobs finished before {@code cutoff}, and beyond the newest {@code keep} ended jobs.
     * Returns the ids deleted, so their folders can be removed.
     */
    public List<JobId> prune(Instant cutoff, int keep) {
        return db.inTransaction(c -> {
            List<JobId> doomed = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM jobs WHERE status NOT IN"
                    + " ('queued','running') AND (finished_at < ? OR id NOT IN (SELECT id FROM jobs WHERE status"
                    + " NOT IN ('queued','running') ORDER BY finished_at DESC, id DESC LIMIT ?))")) {
                ps.setLong(1, cutoff.toEpochMilli());
                ps.setInt(2, keep);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        doomed.add(new JobId(rs.getString(1)));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM jobs WHERE id=?")) {
                for (JobId id : doomed) {
                    ps.setString(1, id.value());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return doomed;
        });
    }

    private int update(String sql, Object... args) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, args);
                return ps.executeUpdate();
            }
        });
    }

    private static void bind(PreparedStatement ps, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a == null) {
                ps.setNull(i + 1, Types.NULL);
            } else if (a instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else if (a instanceof Long n) {
                ps.setLong(i + 1, n);
            } else {
                ps.setString(i + 1, a.toString());
            }
        }
    }

    private static Job toJob(ResultSet rs) throws SQLException {
        JsonNode graphs = Json.parse(rs.getString("graphs_json"));
        List<String> graphNames = new ArrayList<>();
        if (graphs != null) {
            graphs.forEach(g -> graphNames.add(g.asText()));
        }
        String log = rs.getString("log_path");
        return new Job(
                new JobId(rs.getString("id")),
                Json.read(rs.getString("spec_json"), JobSpec.class),
                rs.getString("origin"),
                JobStatus.fromWire(rs.getString("status")),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                instant(rs, "started_at"),
                instant(rs, "finished_at"),
                integer(rs, "rc"),
                Json.parse(rs.getString("error_json")),
                rs.getString("summary"),
                new JobProgress(rs.getLong("progress_done"), longOrNull(rs, "progress_total"),
                        rs.getString("last_line")),
                log == null ? null : Path.of(log),
                graphNames,
                Json.parse(rs.getString("executor_json")),
                rs.getString("cancel_reason"),
                rs.getLong("owner_pid"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static void setInstant(PreparedStatement ps, int i, Instant v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setLong(i, v.toEpochMilli());
        }
    }

    private static void setInteger(PreparedStatement ps, int i, Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, v);
        }
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setLong(i, v);
        }
    }

    /** A job with the server process that owns it. */
    public record OwnedJob(Job job, ProcessOwner owner) {
    }

    /** What {@link #list} returns. */
    public record JobFilter(List<JobStatus> statuses, String session, String origin, int limit, boolean oldestFirst) {
        public JobFilter {
            statuses = statuses == null ? List.of() : List.copyOf(statuses);
            if (limit <= 0) {
                throw new IllegalArgumentException("limit must be at least 1");
            }
        }

        public static JobFilter newest(int limit, JobStatus... statuses) {
            return new JobFilter(Arrays.asList(statuses), null, null, limit, false);
        }
    }

    /**
     * How a job ended; see {@link #complete}.
     *
     * @param log where the job's log now lives (it may have been moved into the job's folder), or null to keep
     *            the recorded one
     */
    public record Completion(JobStatus status, Instant finishedAt, Integer rc, JsonNode error, String summary,
                             String resultJson, List<String> graphs, String reason, JobProgress progress,
                             Path log) {
        public Completion {
            graphs = graphs == null ? List.of() : List.copyOf(graphs);
            progress = progress == null ? JobProgress.NONE : progress;
        }
    }
}
