import { createServer, type IncomingMessage, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";

const compressible =
  /^(text\/(html|css|plain|csv|javascript)|application\/(javascript|json)|image\/svg\+xml)/;

/**
 * A reverse proxy that gzips text responses on the fly, as nginx (`gzip on`) or a CDN in front of the
 * bot server would: what the Mini App's first load costs once its assets travel compressed. Server-sent
 * events and already-encoded responses pass through untouched.
 */
export async function startGzipProxy(target: string): Promise<{ url: string; close(): Promise<void> }> {
  const upstream = new URL(target);
  const server: Server = createServer((req, res) => {
    const forward = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (answer: IncomingMessage) => {
        const type = String(answer.headers["content-type"] ?? "");
        const accepts = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
        if (
          !accepts ||
          answer.headers["content-encoding"] ||
          !compressible.test(type) ||
          answer.statusCode === 204 ||
          answer.statusCode === 304
        ) {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          return;
        }
        const headers = { ...answer.headers, "content-encoding": "gzip", vary: "accept-encoding" };
        delete headers["content-length"];
        res.writeHead(answer.statusCode ?? 502, headers);
        answer.pipe(zlib.createGzip({ level: 6 })).pipe(res);
      },
    );
    forward.on("error", () => res.headersSent || res.writeHead(502).end());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
