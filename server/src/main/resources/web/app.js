// stata-mcp dashboard: plain JavaScript, no build step, nothing loaded from elsewhere.
// Data comes from the server's REST API (/api/...), live changes from two Server-Sent Event streams:
// /api/events (every job's start, progress and end) and /api/jobs/{id}/events (the selected job's log lines).
"use strict";

const LOG_LINES_KEPT = 2000;     // lines kept in the page; the full log stays one click away
const TAIL_ON_SELECT = 400;      // lines fetched when a job is selected, before following live
const ACTIVE = new Set(["queued", "running"]);

const state = {
  jobs: new Map(),        // job id -> job (as /api/jobs returns it)
  selected: null,         // selected job id
  detailStream: null,     // EventSource of the selected job
  filter: "",
};

const $ = (id) => document.getElementById(id);

// ---- API ------------------------------------------------------------------------------------------------

async function api(path, options = {}) {
  const headers = { "Accept": "application/json", "X-Requested-With": "stata-mcp-dashboard" };
  if (options.body) headers["Content-Type"] = "application/json";
  const response = await fetch(path, { credentials: "same-origin", ...options, headers });
  let body = null;
  try { body = await response.json(); } catch (e) { /* empty or not JSON */ }
  if (!response.ok) {
    const message = body && (body.message || (body.error && body.error.message)) || response.statusText;
    const error = new Error(message);
    error.status = response.status;
    throw error;
  }
  return body;
}

function showProblem(message) {
  const p = $("problem");
  p.textContent = message || "";
  p.hidden = !message;
}

function authHint(error) {
  return error.status === 401
    ? "The server wants its token: open this page once as /?token=YOUR_TOKEN (the token is then kept in a cookie)."
    : error.message;
}

// ---- formatting ------------------------------------------------------------------------------------------

function elapsedSeconds(job) {
  if (!job.started_at) return null;
  const start = Date.parse(job.started_at);
  const end = job.finished_at ? Date.parse(job.finished_at) : Date.now();
  return Math.max(0, (end - start) / 1000);
}

function formatDuration(seconds) {
  if (seconds == null) return "–";
  const s = Math.floor(seconds);
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
  const two = (n) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${two(m)}:${two(r)}` : `${m}:${two(r)}`;
}

function progressText(job) {
  const done = job.commands_done || 0;
  const total = job.commands_total;
  const position = total ? `${done} of ${total} commands` : `${done} command${done === 1 ? "" : "s"} done`;
  return job.last_line ? `${position} · ${job.last_line}` : position;
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children) if (c != null) node.append(c);
  return node;
}

// A progress bar: a percentage when the number of commands is known, a moving stripe while it is not.
function renderProgress(bar, job) {
  const fill = bar.querySelector(".fill");
  bar.classList.remove("done", "stopped", "failed", "indeterminate");
  let percent = job.percent;
  if (job.status === "succeeded") percent = 100;
  if (percent == null && job.status === "running") {
    bar.classList.add("indeterminate");
    bar.removeAttribute("aria-valuenow");
    bar.setAttribute("aria-valuetext", progressText(job));
    fill.style.width = "";
    return;
  }
  percent = Math.max(0, Math.min(100, percent || 0));
  if (job.status === "succeeded") bar.classList.add("done");
  if (["cancelled", "timed_out", "interrupted"].includes(job.status)) bar.classList.add("stopped");
  if (job.status === "failed") bar.classList.add("failed");
  bar.setAttribute("aria-valuenow", String(percent));
  bar.setAttribute("aria-valuetext", `${percent}% · ${progressText(job)}`);
  fill.style.width = percent + "%";
}

function badge(status) {
  return el("span", { class: "badge " + status, "data-testid": "job-status", text: status.replace("_", " ") });
}

// ---- jobs list -------------------------------------------------------------------------------------------

async function loadJobs() {
  const query = state.filter ? `?limit=100&status=${encodeURIComponent(state.filter)}` : "?limit=100";
  try {
    const body = await api("/api/jobs" + query);
    state.jobs = new Map(body.jobs.map((j) => [j.job_id, j]));
    showProblem("");
    renderJobs();
    if (!state.selected || !state.jobs.has(state.selected)) {
      const first = body.jobs.find((j) => ACTIVE.has(j.status)) || body.jobs[0];
      if (first) selectJob(first.job_id);
    }
  } catch (e) {
    showProblem("Cannot list jobs: " + authHint(e));
  }
}

function renderJobs() {
  const rows = $("job-rows");
  const jobs = [...state.jobs.values()].sort((a, b) => (a.job_id < b.job_id ? 1 : -1));
  rows.replaceChildren(...jobs.map(jobRow));
  $("no-jobs").hidden = jobs.length > 0;
}

function jobRow(job) {
  const bar = el("div", { class: "progress", role: "progressbar", "aria-label": "Progress of " + job.job_id,
    "aria-valuemin": "0", "aria-valuemax": "100", "data-testid": "job-progress" }, el("div", { class: "fill" }));
  renderProgress(bar, job);
  const cancel = ACTIVE.has(job.status)
    ? el("button", { type: "button", class: "danger small", "data-testid": "row-cancel",
        "aria-label": "Cancel job " + job.job_id, text: "Cancel",
        onclick: (ev) => { ev.stopPropagation(); cancelJob(job.job_id, ev.currentTarget); } })
    : null;
  const row = el("tr", { "data-testid": "job-row", "data-job-id": job.job_id, "data-status": job.status,
      "aria-selected": String(job.job_id === state.selected), tabindex: "0",
      onclick: () => selectJob(job.job_id),
      onkeydown: (ev) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); selectJob(job.job_id); } } },
    el("td", {}, badge(job.status)),
    el("td", { class: "what" }, el("span", { class: "what", title: job.what, text: job.what || "(no code)" }),
      el("span", { class: "job-id", text: `${job.job_id} · ${job.session || ""}` })),
    el("td", {}, bar),
    el("td", { class: "time", "data-testid": "job-elapsed", text: formatDuration(elapsedSeconds(job)) }),
    el("td", {}, cancel));
  return row;
}

function updateJob(job) {
  const known = state.jobs.get(job.job_id);
  const merged = known ? { ...known, ...job } : job;
  state.jobs.set(job.job_id, merged);
  const old = document.querySelector(`tr[data-job-id="${CSS.escape(job.job_id)}"]`);
  if (old) old.replaceWith(jobRow(merged));
  else renderJobs();
  $("no-jobs").hidden = state.jobs.size > 0;
  if (job.job_id === state.selected) renderDetail(merged);
}

async function cancelJob(id, button) {
  if (button) button.disabled = true;
  try {
    const job = await api(`/api/jobs/${encodeURIComponent(id)}/cancel`, { method: "POST", body: "{}" });
    updateJob(job);
  } catch (e) {
    showProblem(`Cannot cancel job ${id}: ${authHint(e)}`);
    if (button) button.disabled = false;
  }
}

// ---- the selected job ------------------------------------------------------------------------------------

function renderDetail(job) {
  $("no-selection").hidden = true;
  $("detail-body").hidden = false;
  $("detail-title").textContent = "Job " + job.job_id;
  const status = $("detail-status");
  status.className = "badge " + job.status;
  status.textContent = job.status.replace("_", " ");
  $("detail-what").textContent = job.what || "";
  $("detail-what").title = job.what || "";
  $("detail-session").textContent = `${job.session || ""} (${job.kind})`;
  $("detail-elapsed").textContent = formatDuration(elapsedSeconds(job));
  $("detail-rc").textContent = job.rc == null ? "–" : String(job.rc);
  renderProgress($("detail-progress"), job);
  $("detail-progress-text").textContent = progressText(job);
  const summary = $("detail-summary");
  summary.textContent = job.summary || job.reason || "";
  summary.classList.toggle("error", job.status === "failed");
  const cancel = $("detail-cancel");
  cancel.hidden = !ACTIVE.has(job.status);
  cancel.disabled = false;
  const result = $("detail-result");
  result.hidden = ACTIVE.has(job.status);
  result.href = job.links.result;
  const log = $("detail-log");
  log.hidden = !job.started_at;
  log.href = job.links.log_text;
  renderGraphs(job);
}

function renderGraphs(job) {
  const gallery = $("graph-gallery");
  const graphs = job.graphs || [];
  const shown = [...gallery.querySelectorAll("figure")].map((f) => f.dataset.file).join("/");
  if (shown !== graphs.map((g) => g.file).join("/")) {
    gallery.replaceChildren(...graphs.map((g) => el("figure", { "data-file": g.file },
      el("a", { href: g.url, target: "_blank", rel: "noopener" },
        el("img", { src: g.url, alt: `Graph ${g.file} of job ${job.job_id}`, "data-testid": "graph-img" })),
      el("figcaption", { text: g.file }))));
  }
  const none = $("no-graphs");
  none.hidden = graphs.length > 0;
  none.textContent = ACTIVE.has(job.status)
    ? "Graphs the run draws appear here when it ends (they are exported right after the code)."
    : "This job drew no graph.";
}

function selectJob(id) {
  if (state.selected === id && state.detailStream) return;
  state.selected = id;
  for (const row of document.querySelectorAll("tr[data-job-id]")) {
    row.setAttribute("aria-selected", String(row.dataset.jobId === id));
  }
  if (state.detailStream) { state.detailStream.close(); state.detailStream = null; }
  const job = state.jobs.get(id);
  if (job) renderDetail(job);
  $("log-tail").replaceChildren();
  followJob(id);
}

// Reads the last lines of the log, then follows from where they end: event ids are byte offsets in the log, so
// nothing is lost or shown twice between the two, and EventSource resumes by itself after a dropped connection.
async function followJob(id) {
  let tail;
  try {
    tail = await api(`/api/jobs/${encodeURIComponent(id)}/log?tail=${TAIL_ON_SELECT}`);
  } catch (e) {
    showProblem(`Cannot read the log of ${id}: ${authHint(e)}`);
    return;
  }
  if (state.selected !== id) return;
  appendLines(tail.lines);
  $("log-hint").textContent = tail.complete ? "" : "(live)";
  if (tail.complete) {
    const job = await api(`/api/jobs/${encodeURIComponent(id)}`).catch(() => null);
    if (job && state.selected === id) updateJob(job);
    return;
  }
  const stream = new EventSource(`/api/jobs/${encodeURIComponent(id)}/events?from=${tail.next_offset}`);
  state.detailStream = stream;
  stream.addEventListener("line", (ev) => {
    if (state.selected === id) appendLines([JSON.parse(ev.data)]);
  });
  stream.addEventListener("progress", (ev) => {
    const p = JSON.parse(ev.data);
    const job = state.jobs.get(id);
    if (job) updateJob({ ...job, ...p });
  });
  stream.addEventListener("started", (ev) => updateJob(JSON.parse(ev.data)));
  stream.addEventListener("finished", (ev) => {
    stream.close();
    if (state.detailStream === stream) state.detailStream = null;
    $("log-hint").textContent = "";
    updateJob(JSON.parse(ev.data));
    loadSessions();
  });
}

function appendLines(lines) {
  const log = $("log-tail");
  const atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
  const fragment = document.createDocumentFragment();
  for (const line of lines) {
    const isError = /^r\(\d+\);$/.test(line.text);
    fragment.append(el("span", { class: line.echo ? "echo" : isError ? "err" : null, "data-testid": "log-line",
      text: line.text + "\n" }));
  }
  log.append(fragment);
  while (log.childElementCount > LOG_LINES_KEPT) log.firstElementChild.remove();
  if (atBottom) log.scrollTop = log.scrollHeight;
}

// ---- sessions and server -------------------------------------------------------------------------------

async function loadSessions() {
  try {
    const body = await api("/api/sessions");
    const rows = body.sessions.map((s) => el("tr", { "data-testid": "session-row", "data-session": s.name },
      el("th", { scope: "row", text: s.name }),
      el("td", {}, el("span", { class: "badge " + s.state, "data-testid": "session-state", text: s.state })),
      el("td", { text: String(s.queued) }),
      el("td", { text: String(s.runs_completed) }),
      el("td", { text: s.working_directory })));
    $("session-rows").replaceChildren(...rows);
    $("no-sessions").hidden = rows.length > 0;
    if (body.stata) showStata(body.stata);
  } catch (e) {
    showProblem("Cannot list sessions: " + authHint(e));
  }
}

function showStata(stata) {
  $("stata-info").textContent = stata.emulator
    ? `fakestata ${stata.version} — the bundled Stata emulator, not Stata`
    : `Stata ${stata.version} ${stata.edition}`;
}

async function loadHealth() {
  try {
    const health = await api("/api/health");
    if (health.stata && health.stata.found) showStata(health.stata);
    else $("stata-info").textContent = `server ${health.version} · Stata is looked for on the first run`;
  } catch (e) {
    showProblem("The server does not answer: " + authHint(e));
  }
}

// Every job's start, progress and end, for the list. On each (re)connect the list is loaded again.
function followAllJobs() {
  const connection = $("connection");
  const stream = new EventSource("/api/events");
  stream.addEventListener("hello", () => {
    connection.textContent = "live";
    connection.className = "connection live";
    loadJobs();
  });
  stream.addEventListener("resync", loadJobs);
  stream.addEventListener("started", (ev) => { updateJob(JSON.parse(ev.data)); loadSessions(); });
  stream.addEventListener("finished", (ev) => { updateJob(JSON.parse(ev.data)); loadSessions(); });
  stream.addEventListener("progress", (ev) => {
    const p = JSON.parse(ev.data);
    const job = state.jobs.get(p.job_id);
    if (job) updateJob({ ...job, ...p });
  });
  stream.onerror = () => {
    connection.textContent = "reconnecting…";
    connection.className = "connection down";
  };
}

function tick() {
  // Elapsed times of running jobs move every second without waiting for an event.
  for (const job of state.jobs.values()) {
    if (job.status !== "running") continue;
    const cell = document.querySelector(`tr[data-job-id="${CSS.escape(job.job_id)}"] [data-testid="job-elapsed"]`);
    if (cell) cell.textContent = formatDuration(elapsedSeconds(job));
    if (job.job_id === state.selected) $("detail-elapsed").textContent = formatDuration(elapsedSeconds(job));
  }
}

document.addEventListener("DOMContentLoaded", () => {
  $("detail-cancel").addEventListener("click", (ev) => {
    if (state.selected) cancelJob(state.selected, ev.currentTarget);
  });
  $("job-filter").addEventListener("change", (ev) => { state.filter = ev.target.value; loadJobs(); });
  loadHealth();
  loadSessions();
  followAllJobs();
  setInterval(tick, 1000);
  setInterval(loadSessions, 5000);
  // Jobs started by another server process sharing the store send no events here: list again now and then.
  setInterval(loadJobs, 15000);
});
