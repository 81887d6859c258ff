// The app of the gateway bench: "ok" on /, a 10 MiB body streamed in 64 KiB chunks on /big (waits for 'drain').
const http = require('http');
const CHUNK = Buffer.alloc(64 * 1024);
for (let i = 0; i < CHUNK.length; i++) CHUNK[i] = (i * 31 + 7) & 0xff;
const CHUNKS = 160;
http.createServer((req, res) => {
  if (req.url !== '/big') {
    res.writeHead(200, {'content-type': 'text/plain', 'content-length': 2});
    res.end('ok');
    return;
  }
  res.writeHead(200, {'content-type': 'application/octet-stream'});
  let sent = 0;
  const more = () => {
    while (sent < CHUNKS) {
      sent++;
      if (!res.write(CHUNK)) { res.once('drain', more); return; }
    }
    res.end();
  };
  more();
}).listen(process.env.PORT);
