'use strict';
// SpawnAI preload for node apps (NODE_OPTIONS=--require=/opt/spawnai/direct-socket.js).
//
// When a server of this process starts listening on TCP port $PORT, it also listens on the unix socket
// $SPAWNAI_APP_SOCKET and hands each connection made there to that same server with
// server.emit('connection', socket) (documented for http.Server; express, plain http, WebSocket upgrades and raw
// net servers all take their connections that way). SpawnAI's gateway then reaches the app without the relay
// process (socat) in the sandbox, which costs more cpu per request than the app itself and a process per connection.
//
// It must never change how the app behaves otherwise: every step is guarded, and when anything goes wrong the socket
// is simply not there (or goes away) and the gateway uses the relay as before. Connections made through the socket
// report the same addresses a relayed one would (127.0.0.1 on both ends), so apps that read req.socket.remoteAddress
// (rate limiters, loggers) see what they always saw.
(() => {
  const socketPath = process.env.SPAWNAI_APP_SOCKET;
  const port = Number(process.env.PORT);
  if (!socketPath || !Number.isInteger(port) || port < 1 || port > 65535) {
    return;
  }
  let net;
  let fs;
  let cluster;
  try {
    net = require('net');
    fs = require('fs');
    cluster = require('cluster');
  } catch {
    return;
  }
  const listen = net.Server.prototype.listen;
  if (typeof listen !== 'function') {
    return;
  }
  /** The unix socket server in use, or null. */
  let active = null;
  let nextPort = 32768;

  // servers waiting for their 'listening' event: one listener each, however often a failing listen is retried
  const watched = new WeakSet();

  net.Server.prototype.listen = function (...args) {
    const result = listen.apply(this, args);
    try {
      if (active === null && !watched.has(this)) {
        watched.add(this);
        this.once('listening', () => {
          watched.delete(this);
          try {
            attach(this);
          } catch {
            // the relay serves the app
          }
        });
      }
    } catch {
      // the relay serves the app
    }
    return result;
  };

  function attach(server) {
    const address = server.address();
    if (active !== null || !address || typeof address !== 'object' || address.port !== port) {
      return;
    }
    // a cluster's primary listens for its workers and passes connections on itself (its server's connection
    // listener must never run); its workers share that port: both are left to the relay
    if (cluster.isWorker || Object.keys(cluster.workers || {}).length > 0) {
      return;
    }
    const localAddress = address.address;
    const direct = net.createServer({
      allowHalfOpen: server.allowHalfOpen === true,
      pauseOnConnect: server.pauseOnConnect === true,
    }, (socket) => {
      masquerade(socket, localAddress);
      server.emit('connection', socket);
    });
    active = direct;
    direct.unref();
    direct.on('error', () => {
      // e.g. the path cannot be bound: without the socket the gateway uses the relay
      release(direct);
    });
    server.once('close', () => release(direct));
    try {
      fs.unlinkSync(socketPath);
    } catch {
      // no stale socket
    }
    direct.listen(socketPath, () => {
      try {
        fs.chmodSync(socketPath, 0o600);
      } catch {
        release(direct);
      }
    });
  }

  /** Closes the direct socket (libuv unlinks its path); a later server on $PORT may take it again. */
  function release(direct) {
    if (active === direct) {
      active = null;
    }
    try {
      direct.close();
    } catch {
      // not listening
    }
  }

  /**
   * A unix socket has no addresses: report those the relay's connection would have (it connects to 127.0.0.1, which
   * a dual-stack server on "::" sees as ::ffff:127.0.0.1).
   */
  function masquerade(socket, listening) {
    const remotePort = nextPort;
    nextPort = nextPort >= 60999 ? 32768 : nextPort + 1;
    let address = '127.0.0.1';
    let family = 'IPv4';
    if (listening === '::') {
      address = '::ffff:127.0.0.1';
      family = 'IPv6';
    } else if (listening === '::1') {
      address = '::1';
      family = 'IPv6';
    }
    for (const [name, value] of [['remoteAddress', address], ['remoteFamily', family], ['remotePort', remotePort],
      ['localAddress', address], ['localPort', port], ['localFamily', family]]) {
      Object.defineProperty(socket, name, { value, configurable: true, enumerable: false });
    }
  }
})();
