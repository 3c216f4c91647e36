// Drives the official TypeScript SDK client against an MCP server and prints a JSON report on stdout.
// Usage: node interop/ts-client.mjs http URL
//        node interop/ts-client.mjs stdio COMMAND [ARGS...]
// The report says what the client saw; the Java test that runs this script judges it.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { LoggingMessageNotificationSchema } from '@modelcontextprotocol/sdk/types.js';

const [mode, target, ...rest] = process.argv.slice(2);
const transport = mode === 'stdio'
  ? new StdioClientTransport({ command: target, args: rest, stderr: 'inherit' })
  : new StreamableHTTPClientTransport(new URL(target));
const client = new Client({ name: 'ts-sdk-interop', version: '1.0.0' }, { capabilities: {} });
const logs = [];
client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => { logs.push(n.params); });
const errors = [];
client.onerror = (e) => { errors.push(String(e && e.message ? e.message : e)); };

await client.connect(transport);
const sent = [];
const received = [];
const send = transport.send.bind(transport);
transport.send = (message, options) => { sent.push(message); return send(message, options); };
const onmessage = transport.onmessage;
transport.onmessage = (message, extra) => { received.push(message); onmessage?.(message, extra); };

const report = { serverInfo: client.getServerVersion(), errors };
report.tools = (await client.listTools()).tools.map((t) => t.name);

const progress = [];
const result = await client.callTool({ name: 'progress_steps', arguments: { steps: 5, delayMs: 30 } }, undefined,
  { onprogress: (p) => progress.push(p) });
report.progress = progress;
report.result = result;
await new Promise((r) => setTimeout(r, 100));
report.logs = logs.slice();

// Cancel an in-flight call: abort once the handler has reported that it runs.
const controller = new AbortController();
let started;
const running = new Promise((resolve) => { started = resolve; });
const call = client.callTool({ name: 'wait_for_cancel', arguments: { maxSeconds: 20 } }, undefined,
  { signal: controller.signal, onprogress: () => started(), timeout: 60000 });
await running;
const waitRequest = sent.filter((m) => m.method === 'tools/call' && m.params?.name === 'wait_for_cancel').pop();
report.abortAtMillis = Date.now();
controller.abort('interop test cancels the call');
try {
  await call;
  report.cancelOutcome = 'resolved';
} catch (e) {
  report.cancelOutcome = 'rejected: ' + (e && e.message ? e.message : String(e));
}
await new Promise((r) => setTimeout(r, 1500));
report.cancelRequestId = waitRequest?.id;
report.cancelNotificationSent = sent.some((m) => m.method === 'notifications/cancelled'
  && m.params?.requestId === waitRequest?.id);
report.responsesForCancelled = received.filter((m) => m.id === waitRequest?.id && ('result' in m || 'error' in m)).length;
const probe = await client.callTool({ name: 'cancellation_probe', arguments: {} });
report.probe = probe.structuredContent;

console.log(JSON.stringify(report));
await client.close();
process.exit(0);
