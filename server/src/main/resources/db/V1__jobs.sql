-- Jobs: one row per Stata run. Results are committed here before they are sent to anyone.
CREATE TABLE jobs (
    id               TEXT PRIMARY KEY,
    kind             TEXT    NOT NULL,
    session          TEXT    NOT NULL,
    spec_json        TEXT    NOT NULL,
    origin           TEXT    NOT NULL,
    status           TEXT    NOT NULL,
    created_at       INTEGER NOT NULL,
    started_at       INTEGER,
    finished_at      INTEGER,
    rc               INTEGER,
    error_json       TEXT,
    summary          TEXT,
    result_json      TEXT,
    graphs_json      TEXT,
    log_path         TEXT,
    progress_done    INTEGER NOT NULL DEFAULT 0,
    progress_total   INTEGER,
    last_line        TEXT,
    executor_json    TEXT,
    cancel_reason    TEXT,
    owner_pid        INTEGER NOT NULL,
    owner_started_at INTEGER NOT NULL
);
CREATE INDEX jobs_by_status ON jobs (status);
CREATE INDEX jobs_by_session ON jobs (session, created_at);
CREATE INDEX jobs_by_created ON jobs (created_at);
