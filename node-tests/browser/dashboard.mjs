// Browser acceptance test of the stata-mcp dashboard.
//
//   node browser/dashboard.mjs --base http://127.0.0.1:PORT --token TOKEN --out dashboard.png [--chromium /usr/bin/chromium]
//
// Starts a long job through the REST API (a scatter plot first, then a loop of displayed steps with sleeps), opens
// the dashboard in headless Chromium the way a person would (the /?token= link once), and checks in the page that
// the job's progress bar advances, log lines appear live, the cancel button turns the job `cancelled`, and the
// graph the job drew renders (natural width > 0). Saves a screenshot. Prints one JSON line with what it saw;
// exits 1 with the reason (and a screenshot beside --out) when a check fails, 2 when it cannot run at all.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { chromium } from "playwright-core";

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) =>
  arg.startsWith("--") ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs, []));
const base = args.base;
const token = args.token || "";
const out = args.out || "dashboard.png";
const executablePath = args.chromium || "/usr/bin/chromium";
const STEPS = Number(args.steps || 80);

function fail(code, message) {
  console.error("dashboard test: " + message);
  process.exit(code);
}

if (!base) fail(2, "--base http://127.0.0.1:PORT is required");
if (!existsSync(executablePath)) {
  fail(2, `Chromium is not installed at ${executablePath}: install Debian's chromium (scripts/install-test-deps does).`);
}

async function api(path, options = {}) {
  const headers = { "Content-Type": "application/json", ...(token ? { Authorization: "Bearer " + token } : {}) };
  const response = await fetch(base + path, { ...options, headers });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(`${options.method || "GET"} ${path} answered ${response.status}: ${JSON.stringify(body)}`);
  return body;
}

// A long job: the graph is drawn first, then each step prints a line and sleeps, so progress moves steadily.
let code = "sysuse auto, clear\nscatter price mpg, title(\"Price and mileage\")\n";
for (let i = 1; i <= STEPS; i++) code += `display "step ${i} of ${STEPS}"\nsleep 400\n`;
const job = await api("/api/jobs", { method: "POST", body: JSON.stringify({ code }) });
const id = job.job_id;

const profile = mkdtempSync(join(tmpdir(), "stata-mcp-chromium-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  viewport: { width: 1440, height: 900 },
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run"],
});
const page = context.pages()[0] || await context.newPage();
const pageErrors = [];
page.on("pageerror", (e) => pageErrors.push(String(e)));
page.on("console", (m) => { if (m.type() === "error") pageErrors.push(m.text()); });
const seen = { job: id };

async function step(name, action) {
  try {
    return await action();
  } catch (e) {
    mkdirSync(dirname(out), { recursive: true });
    await page.screenshot({ path: out.replace(/\.png$/, "") + "-failure.png" }).catch(() => {});
    throw new Error(`${name}: ${e.message.split("\n")[0]}`);
  }
}

try {
  await step("open the dashboard through the token link", async () => {
    await page.goto(`${base}/?token=${encodeURIComponent(token)}`);
    if (new URL(page.url()).search.includes("token")) throw new Error("the token stayed in the address bar");
    await page.getByTestId("connection-state").filter({ hasText: "live" }).waitFor({ timeout: 15000 });
  });

  const row = page.locator(`[data-testid="job-row"][data-job-id="${id}"]`);
  await step("the job is listed", () => row.waitFor({ timeout: 15000 }));
  await row.click();
  await step("the job is selected", () =>
    page.locator("#detail-title").filter({ hasText: id }).waitFor({ timeout: 10000 }));

  const progress = page.getByTestId("detail-progress");
  const percent = async () => Number(await progress.getAttribute("aria-valuenow"));
  seen.progress = await step("the progress bar shows a position", async () => {
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="detail-progress"]')
      .getAttribute("aria-valuenow")) > 0, null, { timeout: 30000 });
    return [await percent()];
  });
  await step("the progress bar advances", async () => {
    const first = seen.progress[0];
    await page.waitForFunction((p) => Number(document.querySelector('[data-testid="detail-progress"]')
      .getAttribute("aria-valuenow")) > p, first, { timeout: 30000 });
    seen.progress.push(await percent());
    const rowValue = Number(await row.getByTestId("job-progress").getAttribute("aria-valuenow"));
    if (!(rowValue > 0)) throw new Error("the job's row shows no progress");
    seen.rowProgress = rowValue;
  });

  const log = page.getByTestId("log-tail");
  await step("log lines appear", () => log.filter({ hasText: "step 2 of" }).waitFor({ timeout: 30000 }));
  seen.logLines = [await page.getByTestId("log-line").count()];
  await step("log lines keep coming live", async () => {
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="log-line"]').length > n,
      seen.logLines[0], { timeout: 30000 });
    seen.logLines.push(await page.getByTestId("log-line").count());
  });
  seen.lastLogLine = (await page.getByTestId("log-line").last().textContent()).trim();
  await page.screenshot({ path: out.replace(/\.png$/, "") + "-running.png" });

  await step("the cancel button cancels the job", async () => {
    await page.getByTestId("cancel-button").click();
    await page.getByTestId("detail-status").filter({ hasText: /^cancelled$/ }).waitFor({ timeout: 30000 });
    await page.locator(`[data-testid="job-row"][data-job-id="${id}"][data-status="cancelled"]`)
      .waitFor({ timeout: 10000 });
  });
  const stored = await api(`/api/jobs/${id}`);
  if (stored.status !== "cancelled") throw new Error(`the API says the job is ${stored.status}, not cancelled`);
  seen.status = stored.status;
  seen.commandsDone = stored.commands_done;

  seen.graph = await step("the graph renders", async () => {
    const img = page.getByTestId("graph-img").first();
    await img.waitFor({ timeout: 30000 });
    await page.waitForFunction(() => {
      const i = document.querySelector('[data-testid="graph-img"]');
      return i && i.complete && i.naturalWidth > 0;
    }, null, { timeout: 15000 });
    return await img.evaluate((i) => ({ src: i.getAttribute("src"), naturalWidth: i.naturalWidth,
      naturalHeight: i.naturalHeight }));
  });

  await page.locator("#detail").scrollIntoViewIfNeeded();
  mkdirSync(dirname(out), { recursive: true });
  await page.screenshot({ path: out, fullPage: true });
  seen.screenshot = out;
  if (pageErrors.length) throw new Error("the page reported errors: " + pageErrors.join(" | "));
  console.log(JSON.stringify(seen));
} catch (e) {
  console.error("dashboard test failed at " + e.message);
  console.error("seen so far: " + JSON.stringify(seen));
  if (pageErrors.length) console.error("page errors: " + pageErrors.join(" | "));
  process.exitCode = 1;
} finally {
  await api(`/api/jobs/${id}/cancel`, { method: "POST", body: "{}" }).catch(() => {});
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
