// Usage: node capture-headers.js
// Prints the request heads headless Chromium sends for fetch(), EventSource and new WebSocket(), as JSON
// {"chromium": version, "fetch": head, "eventsource": head, "websocket": head}. A raw TCP server on 127.0.0.1
// records each head byte for byte and answers just enough: the page, a 200 to the fetch, an event stream, a
// WebSocket handshake. The heads are what bench/src/main/resources/.../browser.headers is made from.
'use strict';
const crypto = require('crypto');
const net = require('net');
const { launch } = require('./launch');

const PAGE = `<!doctype html><title>capture</title><script>
(async () => {
  const r = {};
  r.fetch = (await fetch('/poll/t?after=0')).status;
  await new Promise(done => { const es = new EventSource('/sse/t'); es.onmessage = () => { es.close(); done(); }; });
  await new Promise(done => { const ws = new WebSocket('ws://' + location.host + '/ws/t'); ws.onopen = () => { ws.close(); done(); }; });
  window.pushbenchResult = r;
})();
</script>`;

function answer(socket, head) {
  const target = head.split(' ')[1];
  if (target.startsWith('/page')) {
    socket.end(`HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: ${Buffer.byteLength(PAGE)}\r\n\r\n${PAGE}`);
  } else if (target.startsWith('/poll/')) {
    socket.write('HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: 0\r\n\r\n');
  } else if (target.startsWith('/sse/')) {
    socket.write('HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n\r\ndata: x\n\n');
  } else if (target.startsWith('/ws/')) {
    const key = /sec-websocket-key: *(\S+)/i.exec(head)[1];
    const accept = crypto.createHash('sha1').update(key + '258EAFA5-E914-47DA-95CA-C5AB0DC85B11').digest('base64');
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
  } else {
    socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n');
  }
}

async function main() {
  const heads = {};
  const server = net.createServer(socket => {
    let buffered = '';
    socket.on('data', chunk => {
      buffered += chunk.toString('latin1');
      let end;
      while ((end = buffered.indexOf('\r\n\r\n')) >= 0 && /^[A-Z]+ /.test(buffered)) {
        const head = buffered.slice(0, end + 4);
        buffered = buffered.slice(end + 4);
        const target = head.split(' ')[1];
        const kind = target.startsWith('/poll/') ? 'fetch' : target.startsWith('/sse/') ? 'eventsource'
          : target.startsWith('/ws/') ? 'websocket' : null;
        if (kind && !heads[kind]) heads[kind] = head;
        answer(socket, head);
        if (kind === 'websocket') buffered = '';   // frames follow
      }
    });
    socket.on('error', () => {});
  });
  await new Promise(r => server.listen(0, '127.0.0.1', r));
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/page`);
    await page.waitForFunction(() => window.pushbenchResult, null, { timeout: 20000 });
    heads.chromium = browser.context.browser() ? browser.context.browser().version() : await page.evaluate(() => navigator.userAgent);
  } finally {
    await browser.close();
    server.close();
  }
  process.stdout.write(JSON.stringify(heads, null, 2) + '\n');
}

main().catch(e => { console.error(e.message); process.exit(1); });
