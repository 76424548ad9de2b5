// Preloaded into the production server (`node --import ./scripts/socket-ip.mjs next start`, as
// `npm start` does): records on every request the address it really came from (the TCP peer) in
// `x-jumys-socket-ip`, overwriting anything a client sent under that name. Next keeps a
// client-supplied X-Forwarded-For and drops the peer's address, so without this nobody could
// tell a spoofed header from a real one; the app combines the two according to
// TRUSTED_PROXY_COUNT (src/server/request-meta.ts).
import http from "node:http";

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function emitWithPeerAddress(event, request, ...rest) {
  if (event === "request" && request && request.headers && request.socket) {
    request.headers["x-jumys-socket-ip"] = request.socket.remoteAddress || "";
  }
  return emit.call(this, event, request, ...rest);
};

// Read by the app: the header above is set by this process, so it may be trusted.
process.env.JUMYS_SOCKET_IP_HEADER = "1";
