// The production server: Next.js behind a plain Node HTTP server that records the address each
// request really came from (the TCP peer) in `x-jumys-socket-ip`, overwriting anything a client
// sent under that name. Next itself keeps a client-supplied X-Forwarded-For and drops the peer's
// address, so without this nobody could tell a spoofed header from a real one; the app combines
// the two according to TRUSTED_PROXY_COUNT (src/server/request-meta.ts).
//
//   node scripts/serve.mjs [--port 3000] [--hostname 0.0.0.0]
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

import next from "next";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function option(name, short, fallback) {
  const args = process.argv.slice(2);
  const at = args.findIndex((a) => a === `--${name}` || (short && a === `-${short}`));
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
}

const port = Number(option("port", "p", process.env.PORT ?? "3000"));
const hostname = option("hostname", "H", process.env.HOSTNAME ?? undefined);

// Read by the app: the header below is set by this server, so it may be trusted.
process.env.JUMYS_SOCKET_IP_HEADER = "1";

const app = next({ dev: false, dir: REPO, port, hostname });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  req.headers["x-jumys-socket-ip"] = req.socket.remoteAddress ?? "";
  void handle(req, res);
});
server.listen(port, hostname, () => {
  console.log(`▲ Next.js ready on http://${hostname ?? "0.0.0.0"}:${port}`);
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
