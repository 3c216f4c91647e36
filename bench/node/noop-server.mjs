// The benchmark peer on the official TypeScript SDK: one tool, `noop`, that answers a fixed short text.
// Written the way the SDK's documentation shows (stateful Streamable HTTP, one transport per session), with
// defaults everywhere, so the figures are what a user of the SDK gets.
//
// Usage: node noop-server.mjs --stdio
//        node noop-server.mjs --http --port N      (binds 127.0.0.1, endpoint /mcp)
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';

const ANSWER = 'ok';

function newServer() {
  const server = new McpServer({ name: 'typescript-sdk-noop', version: '1.32.2' });
  server.registerTool('noop', { description: 'Does nothing and answers a fixed short text.' },
    async () => ({ content: [{ type: 'text', text: ANSWER }] }));
  return server;
}

async function serveStdio() {
  await newServer().connect(new StdioServerTransport());
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function jsonError(res, status, code, message) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ jsonrpc: '2.0', id: null, error: { code, message } }));
}

async function serveHttp(port) {
  const transports = new Map();
  const http = createServer(async (req, res) => {
    try {
      if (new URL(req.url, 'http://localhost').pathname !== '/mcp') {
        res.writeHead(404).end();
        return;
      }
      const sessionId = req.headers['mcp-session-id'];
      if (req.method !== 'POST') {
        const transport = sessionId && transports.get(sessionId);
        if (!transport) {
          jsonError(res, 400, -32000, 'Bad Request: no valid session ID');
          return;
        }
        await transport.handleRequest(req, res);
        return;
      }
      let body;
      try {
        body = JSON.parse(await readBody(req));
      } catch {
        jsonError(res, 400, -32700, 'Parse error');
        return;
      }
      let transport = sessionId ? transports.get(sessionId) : undefined;
      if (!transport) {
        if (sessionId || !isInitializeRequest(body)) {
          jsonError(res, 400, -32000, 'Bad Request: no valid session ID');
          return;
        }
        transport = new StreamableHTTPServerTransport({
          sessionIdGenerator: () => randomUUID(),
          onsessioninitialized: (id) => transports.set(id, transport),
        });
        transport.onclose = () => transport.sessionId && transports.delete(transport.sessionId);
        await newServer().connect(transport);
      }
      await transport.handleRequest(req, res, body);
    } catch (e) {
      if (!res.headersSent) {
        jsonError(res, 500, -32603, 'Internal error');
      }
    }
  });
  http.listen(port, '127.0.0.1');
}

const args = process.argv.slice(2);
if (args[0] === '--stdio') {
  await serveStdio();
} else if (args[0] === '--http' && args[1] === '--port') {
  await serveHttp(Number(args[2]));
} else {
  console.error('usage: --stdio | --http --port N');
  process.exit(2);
}
