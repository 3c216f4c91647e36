// A long tool call from the official TypeScript SDK client with a short request timeout that progress keeps
// resetting (what Claude Code and similar clients do). Prints a JSON report on stdout for the Java test to judge.
// Usage: node interop/ts-long-call.mjs SECONDS TIMEOUT_MS COMMAND [ARGS...]   (environment passed through)
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const [seconds, timeoutMs, command, ...args] = process.argv.slice(2);
const transport = new StdioClientTransport({ command, args, env: { ...process.env }, stderr: 'inherit' });
const client = new Client({ name: 'ts-long-call', version: '1.0.0' }, { capabilities: {} });
const errors = [];
client.onerror = (e) => { errors.push(String(e && e.message ? e.message : e)); };
await client.connect(transport);

const progress = [];
const started = Date.now();
const report = { errors };
try {
  const result = await client.callTool({
    name: 'stata_run',
    arguments: { code: `forvalues i = 1/${seconds} {\ndisplay "second \`i'"\nsleep 1000\n}\ndisplay "finished"` },
  }, undefined, {
    timeout: Number(timeoutMs),
    resetTimeoutOnProgress: true,
    onprogress: (p) => progress.push({ ...p, at: Date.now() - started }),
  });
  report.outcome = 'result';
  report.result = result;
} catch (e) {
  report.outcome = 'error';
  report.error = String(e && e.message ? e.message : e);
}
report.elapsedMs = Date.now() - started;
report.progress = progress;
await client.close();
console.log(JSON.stringify(report));
