import { createHmac } from "node:crypto";
import autocannon from "autocannon";
import { BENCH_IDS, type SimProcess } from "./sim-process.js";

/**
 * The simulator's own ceiling for message sends on this machine: autocannon (far lighter per request
 * than any real client) fires CS messages at it for a few seconds, with nothing else running. Every
 * delivery is one such call, so no pipeline here can send faster; read deliveriesPerSec against it.
 * Run after the broadcast: the fresh token it takes supersedes the bot server's.
 */
export async function simSendsPerSec(sim: SimProcess, userIds: string[], seconds = 5): Promise<number> {
  const token = await sim.admin<{ access_token: string }>("POST", "/oa/tokens");
  const proof = createHmac("sha256", BENCH_IDS.appSecret).update(token.access_token).digest("hex");
  let n = 0;
  const result = await autocannon({
    url: `${sim.url}/v3.0/oa/message/cs`,
    method: "POST",
    duration: seconds,
    connections: 16,
    headers: { "content-type": "application/json", access_token: token.access_token, appsecret_proof: proof },
    requests: [
      {
        setupRequest: (req) => {
          n += 1;
          const body = {
            recipient: { user_id: userIds[n % userIds.length] },
            message: { text: `Đo sức chứa của Zalo giả lập, lần ${n}` },
          };
          return { ...req, body: JSON.stringify(body) };
        },
      },
    ],
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(
      `simulator capacity run had ${result.non2xx} non-2xx answers and ${result.errors} errors`,
    );
  return Math.round(result.requests.average);
}
