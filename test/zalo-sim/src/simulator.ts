import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { resolveConfig } from "./config.js";
import { createContext } from "./context.js";
import { createControls } from "./controls.js";
import { createApp } from "./create-app.js";
import type { ZaloSim, ZaloSimOptions } from "./types.js";

const HOST = "127.0.0.1";

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, HOST, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

/** Starts the simulator on 127.0.0.1 and resolves once it accepts connections. */
export async function startZaloSim(options: ZaloSimOptions): Promise<ZaloSim> {
  const config = resolveConfig(options);
  const ctx = createContext(config);
  const controls = createControls(ctx);
  const server = createServer(createApp(ctx, controls));
  // Benchmarks hold many keep-alive connections; the defaults (5 s) would churn them.
  server.keepAliveTimeout = 65_000;
  await listen(server, config.port);
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;

  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve, reject) => {
      ctx.receipts.close();
      ctx.dispatcher.close();
      for (const timer of ctx.heldRequests) clearTimeout(timer);
      ctx.heldRequests.clear();
      server.close((error) => (error ? reject(error) : resolve()));
      // Held (latency/timeout) and idle keep-alive connections would otherwise delay close().
      server.closeAllConnections();
    });
    return closing;
  };

  return { url: `http://${HOST}:${port}`, close, ...controls };
}
