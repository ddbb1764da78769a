import { createHash } from "node:crypto";
import autocannon from "autocannon";

/**
 * The load generator, in its own process: fires unique signed `user_send_text` events (a new msg_id
 * each) at a URL for a while and prints autocannon's figures as one JSON line.
 * argv: url durationSeconds connections appId oaId secret senderCount
 */
const [url, duration, connections, appId, oaId, secret, senders] = process.argv.slice(2);
let n = 0;
const result = await autocannon({
  url: url!,
  method: "POST",
  duration: Number(duration),
  connections: Number(connections),
  headers: { "content-type": "application/json" },
  requests: [
    {
      setupRequest: (req) => {
        n += 1;
        const timestamp = String(Date.now());
        const sender = `61${String(n % Number(senders)).padStart(12, "0")}`;
        const body = JSON.stringify({
          app_id: appId,
          sender: { id: sender },
          user_id_by_app: `51${String(n % Number(senders)).padStart(12, "0")}`,
          recipient: { id: oaId },
          event_name: "user_send_text",
          message: { text: `Cho hỏi về lịch họp phụ huynh số ${n}`, msg_id: `bench-${process.pid}-${n}` },
          timestamp,
        });
        const mac = createHash("sha256")
          .update(appId! + body + timestamp + secret!)
          .digest("hex");
        return { ...req, body, headers: { ...req.headers, "x-zevent-signature": `mac=${mac}` } };
      },
    },
  ],
});
const summary = {
  requestsPerSec: result.requests.average,
  sent: result.requests.total,
  ok: result["2xx"],
  non2xx: result.non2xx,
  errors: result.errors,
  timeouts: result.timeouts,
  p99Ms: result.latency.p99,
};
process.stdout.write(`${JSON.stringify(summary)}\n`);
