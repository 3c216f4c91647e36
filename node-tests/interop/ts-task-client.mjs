// Drives MCP tasks (2025-11-25) with the official TypeScript SDK client over Streamable HTTP.
// Usage: node interop/ts-task-client.mjs start URL CODE
//          runs stata_run CODE as a task and prints each message of the SDK's task stream as a JSON line
//          (taskCreated, taskStatus, ..., result); the test kills it mid-run.
//        node interop/ts-task-client.mjs collect URL TASK_ID
//          a fresh client: tasks/get, tasks/result (blocks until the end), stata_job_result, tasks/list, tasks/get;
//          prints one JSON report with the raw JSON-RPC answers as they came over the wire.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { CallToolResultSchema } from '@modelcontextprotocol/sdk/types.js';

const [mode, url, arg] = process.argv.slice(2);
const transport = new StreamableHTTPClientTransport(new URL(url));
const client = new Client({ name: 'ts-task-client', version: '1.0.0' }, { capabilities: {} });
await client.connect(transport);

// Raw messages, to compare what the server sent rather than what the SDK's schemas made of it.
const sent = [];
const received = [];
const send = transport.send.bind(transport);
transport.send = (message, options) => { sent.push(message); return send(message, options); };
const onmessage = transport.onmessage;
transport.onmessage = (message, extra) => { received.push(message); onmessage?.(message, extra); };
const rawAnswer = (method, predicate = () => true) => {
  const request = sent.filter((m) => m.method === method && predicate(m)).pop();
  return received.find((m) => m.id === request?.id && ('result' in m || 'error' in m));
};

if (mode === 'start') {
  await client.listTools(); // the SDK learns stata_run's execution.taskSupport
  const stream = client.experimental.tasks.callToolStream(
    { name: 'stata_run', arguments: { code: arg } }, CallToolResultSchema, { task: { ttl: 600000 } });
  for await (const message of stream) {
    console.log(JSON.stringify(message, (k, v) => (v instanceof Error ? { error: v.message } : v)));
  }
  await client.close();
} else if (mode === 'collect') {
  const report = {};
  report.taskBefore = await client.experimental.tasks.getTask(arg);
  await client.experimental.tasks.getTaskResult(arg, CallToolResultSchema, { timeout: 120000 });
  report.tasksResult = rawAnswer('tasks/result');
  await client.callTool({ name: 'stata_job_result', arguments: { job_id: arg } });
  report.jobResult = rawAnswer('tools/call', (m) => m.params?.name === 'stata_job_result');
  report.listed = (await client.experimental.tasks.listTasks()).tasks.map((t) => t.taskId);
  report.taskAfter = await client.experimental.tasks.getTask(arg);
  console.log(JSON.stringify(report));
  await client.close();
} else {
  console.error('usage: ts-task-client.mjs start|collect URL ARG');
  process.exit(2);
}
