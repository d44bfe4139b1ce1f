'use strict';
// A small push server built the way Node.js services usually are: `ws` for WebSocket, `better-sse` for
// Server-Sent Events, node:http for long and short polling, `redis` pub/sub and PostgreSQL LISTEN (`pg`) as
// brokers, `prom-client` for /metrics. pushbench did not write any of these; its conformance tests start this
// server and measure it like any other external target.
//
//   node server.js --port=8080 [--host=127.0.0.1] [--max-requests-per-socket=N] [--long-poll-hold-ms=30000]
//                  [--redis=redis://127.0.0.1:6379] [--postgres=postgresql://postgres@127.0.0.1:5432/test]
//                  [--channel-prefix=PREFIX] [--grip-publish=http://127.0.0.1:5561/publish/]
//
// GRIP origin (for Pushpin): GET /grip/sse/{topic} (Grip-Hold: stream), POST /grip/ws/{topic} (WebSocket-over-HTTP),
//            GET /grip/long-poll/{topic}?after=N (the backlog at once, else Grip-Hold: response with prev-id=N); with
//            --grip-publish every message this server gets is also published to Pushpin, numbered (id/prev-id).
// Subscribe: GET /sse/{topic} (text/event-stream, chunked), ws://…/ws/{topic} (one TEXT frame per message),
//            GET /poll/{topic}?after=N and /long-poll/{topic}?after=N (messages after the Nth, one per line;
//            204 when there is none: at once for /poll, after the hold for /long-poll).
// Publish:   POST /publish with {"channel": "...", "data": "..."} (answers 200 {"subscribers": n});
//            Redis PUBLISH <prefix><topic> <data> (a pattern subscription to <prefix>*) with --redis;
//            PostgreSQL NOTIFY "<prefix><topic>", '<data>' with --postgres (the server LISTENs to a topic's channel
//            once it has a subscriber, before answering that subscriber, so nothing published after the answer is
//            missed). The prefix (default none) keeps servers sharing one broker apart.
// A topic's messages are numbered from 1 in arrival order; polls resume after a number, and that number is what
// pushbench's {seq} is, since pushbench publishes a topic's messages in order over one connection.

const http = require('node:http');
const { URL } = require('node:url');
const { WebSocketServer } = require('ws');
const { createSession, createChannel } = require('better-sse');
const promClient = require('prom-client');

const KEPT_MESSAGES_PER_TOPIC = 10000;
const MAX_PUBLISH_BODY_BYTES = 1 << 20;

function options(argv) {
  const o = {
    port: 8080, host: '127.0.0.1', maxRequestsPerSocket: 0, longPollHoldMs: 30000, redis: null, postgres: null, channelPrefix: '',
    gripPublish: null,
  };
  for (const arg of argv) {
    const m = /^--([a-z-]+)=(.*)$/.exec(arg);
    if (!m) throw new Error(`unknown argument '${arg}' (expected --name=value)`);
    const [, name, value] = m;
    switch (name) {
      case 'port': o.port = Number(value); break;
      case 'host': o.host = value; break;
      case 'max-requests-per-socket': o.maxRequestsPerSocket = Number(value); break;
      case 'long-poll-hold-ms': o.longPollHoldMs = Number(value); break;
      case 'redis': o.redis = value; break;
      case 'postgres': o.postgres = value; break;
      case 'channel-prefix': o.channelPrefix = value; break;
      case 'grip-publish': o.gripPublish = value; break;
      default: throw new Error(`unknown option --${name}`);
    }
  }
  return o;
}

/** One topic: its recent messages (numbered from 1), its SSE channel, WebSocket clients and held long polls. */
let gripPublisher = null;

class Topic {
  constructor(name) {
    this.name = name;
    this.firstSeq = 1;
    this.messages = [];
    this.sse = createChannel();
    this.sockets = new Set();
    this.waiters = new Set();
  }

  lastSeq() {
    return this.firstSeq + this.messages.length - 1;
  }

  append(data) {
    this.messages.push(data);
    if (this.messages.length > KEPT_MESSAGES_PER_TOPIC) {
      this.messages.shift();
      this.firstSeq++;
    }
    this.sse.broadcast(data);
    for (const ws of this.sockets) ws.send(data);
    const waiters = this.waiters;
    this.waiters = new Set();
    for (const wake of waiters) wake();
    if (gripPublisher) gripPublisher.publish(this.name, this.lastSeq(), data);
    return this.sse.sessionCount + this.sockets.size + waiters.size;
  }

  after(seq) {
    return this.messages.slice(Math.max(0, seq + 1 - this.firstSeq));
  }
}

const topics = new Map();
function topic(name) {
  let t = topics.get(name);
  if (!t) {
    t = new Topic(name);
    topics.set(name, t);
  }
  return t;
}

/** PostgreSQL LISTEN per topic, made once, awaited before a subscriber is answered. */
function postgresListener(url, prefix) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: url });
  const listening = new Map();
  client.on('notification', (n) => {
    if (n.channel.startsWith(prefix)) topic(n.channel.slice(prefix.length)).append(n.payload ?? '');
  });
  client.on('error', (e) => { console.error(`postgres: ${e.message}`); process.exit(1); });
  return {
    connect: () => client.connect(),
    listen(name) {
      let p = listening.get(name);
      if (!p) {
        p = client.query(`LISTEN "${(prefix + name).replace(/"/g, '""')}"`);
        listening.set(name, p);
      }
      return p;
    },
  };
}

async function redisSubscriber(url, prefix) {
  const { createClient } = require('redis');
  const client = createClient({ url });
  client.on('error', (e) => { console.error(`redis: ${e.message}`); process.exit(1); });
  await client.connect();
  const pattern = prefix.replace(/[*?[\]\\]/g, '\\$&') + '*';
  await client.pSubscribe(pattern, (message, channel) => topic(channel.slice(prefix.length)).append(message));
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > MAX_PUBLISH_BODY_BYTES) reject(new Error('body too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function answer(res, status, type, body) {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

async function publish(req, res) {
  let envelope;
  try {
    envelope = JSON.parse(await readBody(req));
  } catch (e) {
    answer(res, 400, 'text/plain', `bad publish body: ${e.message}\n`);
    return;
  }
  if (typeof envelope?.channel !== 'string' || typeof envelope?.data !== 'string') {
    answer(res, 400, 'text/plain', 'expected {"channel": string, "data": string}\n');
    return;
  }
  const subscribers = topic(envelope.channel).append(envelope.data);
  answer(res, 200, 'application/json', JSON.stringify({ subscribers }));
}

function poll(req, res, name, url, holdMs) {
  const t = topic(name);
  const after = Number(url.searchParams.get('after') ?? '0');
  const send = () => {
    const messages = t.after(after);
    if (messages.length === 0) {
      res.writeHead(204);
      res.end();
    } else {
      answer(res, 200, 'text/plain', messages.join('\n') + '\n');
    }
  };
  if (holdMs === 0 || t.lastSeq() > after) {
    send();
    return;
  }
  const wake = () => {
    clearTimeout(timer);
    send();
  };
  const timer = setTimeout(() => {
    t.waiters.delete(wake);
    send();
  }, holdMs);
  t.waiters.add(wake);
  res.on('close', () => {
    clearTimeout(timer);
    t.waiters.delete(wake);
  });
}

// GRIP origin for Pushpin: the proxy holds the client's connection and streams what is published to the channel
// through its control API; this server only says which channel. SSE: Grip-Hold: stream. WebSocket: Pushpin's
// WebSocket-over-HTTP, each client event POSTed here; the OPEN is answered with a GRIP subscribe control message.
function gripSse(res, name) {
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Grip-Hold': 'stream', 'Grip-Channel': name, 'Content-Length': 0 });
  res.end();
}

async function gripWebSocket(req, res, name) {
  const events = await readBody(req);
  const out = [];
  if (events.startsWith('OPEN')) {
    const subscribe = 'c:' + JSON.stringify({ type: 'subscribe', channel: name });
    out.push('OPEN\r\n', `TEXT ${Buffer.byteLength(subscribe).toString(16)}\r\n${subscribe}\r\n`);
  }
  if (/(^|\n)CLOSE/.test(events)) out.push('CLOSE\r\n');
  const body = out.join('');
  res.writeHead(200, {
    'Content-Type': 'application/websocket-events',
    'Sec-WebSocket-Extensions': 'grip',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}

// A GRIP long poll: what the client has not got yet at once, else held by Pushpin until the message after N is
// published (prev-id=N; a publish with another prev-id makes Pushpin ask here again), or 204 after the hold.
function gripLongPoll(res, name, url, holdMs) {
  const t = topic(name);
  const after = Number(url.searchParams.get('after') ?? '0');
  if (t.lastSeq() > after) {
    answer(res, 200, 'text/plain', t.after(after).join('\n') + '\n');
    return;
  }
  res.writeHead(204, { 'Grip-Hold': 'response', 'Grip-Channel': `${name}; prev-id=${after}`,
    'Grip-Timeout': String(Math.ceil(holdMs / 1000)) });
  res.end();
}

/** Publishes to Pushpin's HTTP control API in arrival order, queued items batched into one request. */
function pushpinPublisher(url) {
  let queue = [];
  let sending = false;
  const send = async () => {
    sending = true;
    while (queue.length > 0) {
      const items = queue;
      queue = [];
      try {
        const answer = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ items }) });
        if (!answer.ok) console.error(`grip publish: ${answer.status} ${await answer.text()}`);
        else await answer.arrayBuffer();
      } catch (e) {
        console.error(`grip publish: ${e.message}`);
      }
    }
    sending = false;
  };
  return {
    publish(channel, seq, data) {
      queue.push({ channel, id: String(seq), 'prev-id': String(seq - 1), formats: {
        'http-response': { code: 200, headers: { 'Content-Type': 'text/plain' }, body: data + '\n' },
        'http-stream': { content: `data: ${data}\n\n` },
        'ws-message': { content: data },
      } });
      if (!sending) send();
    },
  };
}

async function sse(req, res, name) {
  const session = await createSession(req, res, { serializer: String });
  topic(name).sse.register(session);
}

async function main() {
  const o = options(process.argv.slice(2));
  if (o.gripPublish) gripPublisher = pushpinPublisher(o.gripPublish);
  promClient.collectDefaultMetrics();
  // how often maxRequestsPerSocket closed a connection, so a test can show it happened during a run
  const connections = new promClient.Counter({ name: 'node_push_connections_total', help: 'TCP connections accepted' });
  const atLimit = new promClient.Counter({
    name: 'node_push_requests_closing_connection_total',
    help: 'requests answered as the last one of their connection (maxRequestsPerSocket reached)',
    labelNames: ['route'],
  });
  const countRequest = (req, route) => {
    req.socket.requestsServed = (req.socket.requestsServed ?? 0) + 1;
    if (o.maxRequestsPerSocket > 0 && req.socket.requestsServed === o.maxRequestsPerSocket) atLimit.inc({ route });
  };
  const pg = o.postgres ? postgresListener(o.postgres, o.channelPrefix) : null;
  if (pg) await pg.connect();
  if (o.redis) await redisSubscriber(o.redis, o.channelPrefix);
  const subscribed = async (name) => { if (pg) await pg.listen(name); };

  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://localhost');
      const m = /^\/(sse|poll|long-poll)\/([\w.-]+)$/.exec(url.pathname);
      const grip = /^\/grip\/(sse|ws|long-poll)\/([\w.-]+)$/.exec(url.pathname);
      countRequest(req, m ? m[1] : grip ? `grip-${grip[1]}` : url.pathname.slice(1));
      if (req.method === 'POST' && url.pathname === '/publish') {
        await publish(req, res);
      } else if (grip && grip[1] === 'sse' && req.method === 'GET') {
        gripSse(res, grip[2]);
      } else if (grip && grip[1] === 'long-poll' && req.method === 'GET') {
        gripLongPoll(res, grip[2], url, o.longPollHoldMs);
      } else if (grip && grip[1] === 'ws' && req.method === 'POST') {
        await gripWebSocket(req, res, grip[2]);
      } else if (req.method === 'GET' && m) {
        await subscribed(m[2]);
        if (m[1] === 'sse') await sse(req, res, m[2]);
        else poll(req, res, m[2], url, m[1] === 'poll' ? 0 : o.longPollHoldMs);
      } else if (req.method === 'GET' && url.pathname === '/metrics') {
        answer(res, 200, promClient.register.contentType, await promClient.register.metrics());
      } else {
        answer(res, 404, 'text/plain', 'not found\n');
      }
    } catch (e) {
      console.error(`${req.method} ${req.url}: ${e.stack}`);
      if (!res.headersSent) answer(res, 500, 'text/plain', `${e.message}\n`);
      else res.destroy();
    }
  });
  server.maxRequestsPerSocket = o.maxRequestsPerSocket;
  server.on('connection', () => connections.inc());

  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', async (req, socket, head) => {
    const m = /^\/ws\/([\w.-]+)$/.exec(new URL(req.url, 'http://localhost').pathname);
    if (!m) {
      socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      return;
    }
    try {
      await subscribed(m[1]);
    } catch (e) {
      socket.end('HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const t = topic(m[1]);
      t.sockets.add(ws);
      ws.on('close', () => t.sockets.delete(ws));
      ws.on('error', () => t.sockets.delete(ws));
    });
  });

  server.listen(o.port, o.host, () => {
    const a = server.address();
    console.log(`node-push listening on ${a.address}:${a.port} (pid ${process.pid})`);
  });
  const stop = () => server.close(() => process.exit(0)) && setTimeout(() => process.exit(0), 2000).unref();
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((e) => {
  console.error(`node-push: ${e.message}`);
  process.exit(1);
});
