import http from "node:http";

/** One request exactly as it goes on the wire: any method, any path bytes, repeated headers, a body on GET. */
export interface WireRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[]>;
  body?: Buffer;
}

export interface WireAnswer {
  /** 0 when no answer came (the connection failed or timed out). */
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The first 64 kB of the answer (an event stream is cut after its headers). */
  text: string;
  error?: string;
}

const MAX_TEXT = 64 * 1024;

function withoutEmptyHost(headers: WireRequest["headers"]): WireRequest["headers"] {
  if (headers.host !== "") return headers;
  const { host: _, ...rest } = headers;
  return rest;
}

/**
 * Sends with node:http (fetch refuses a body on GET and rewrites some headers) over one keep-alive
 * connection; a request that finds its reused connection closed by the server is sent again once.
 */
export class WireClient {
  private agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

  constructor(
    private readonly base: URL,
    private readonly timeoutMs = 20_000,
  ) {}

  async send(request: WireRequest): Promise<WireAnswer> {
    const first = await this.once(request);
    if (first.retry) return (await this.once(request)).answer;
    return first.answer;
  }

  private once(request: WireRequest): Promise<{ answer: WireAnswer; retry: boolean }> {
    return new Promise((resolve) => {
      let settled = false;
      const finish = (answer: WireAnswer, retry = false) => {
        if (settled) return;
        settled = true;
        resolve({ answer, retry });
      };
      let req: http.ClientRequest;
      try {
        req = http.request(
          {
            host: this.base.hostname,
            port: this.base.port,
            method: request.method,
            path: request.path,
            headers: withoutEmptyHost(request.headers),
            agent: this.agent,
            // Our own Host, unless the request sets one (an empty one: no Host at all).
            setHost: !("host" in request.headers),
          },
          (res) => {
            const status = res.statusCode ?? 0;
            if (String(res.headers["content-type"] ?? "").includes("text/event-stream")) {
              res.destroy();
              finish({ status, headers: res.headers, text: "(event stream)" });
              return;
            }
            const chunks: Buffer[] = [];
            let size = 0;
            res.on("data", (chunk: Buffer) => {
              if (size < MAX_TEXT) chunks.push(chunk);
              size += chunk.length;
            });
            res.on("end", () =>
              finish({
                status,
                headers: res.headers,
                text: Buffer.concat(chunks).subarray(0, MAX_TEXT).toString("utf8"),
              }),
            );
            res.on("error", (err) =>
              finish({
                status,
                headers: res.headers,
                text: Buffer.concat(chunks).toString("utf8"),
                error: err.message,
              }),
            );
          },
        );
      } catch (err) {
        // Node refuses to send it (a character no HTTP request may carry): nothing reached the server.
        finish({ status: -1, headers: {}, text: "", error: (err as Error).message });
        return;
      }
      req.setTimeout(this.timeoutMs, () => req.destroy(new Error(`no answer in ${this.timeoutMs} ms`)));
      req.on("error", (err: NodeJS.ErrnoException) => {
        const retry = req.reusedSocket && (err.code === "ECONNRESET" || err.code === "EPIPE");
        finish({ status: 0, headers: {}, text: "", error: `${err.code ?? ""} ${err.message}`.trim() }, retry);
      });
      if (request.body) req.end(request.body);
      else req.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
