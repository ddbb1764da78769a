import { startSystem } from "../e2e/support/npm-start.js";
const s = await startSystem({ QUIET_HOURS: "00:00-00:00" });
console.log(JSON.stringify({ port: s.port, simPort: s.simPort }));
process.on("SIGTERM", async () => { await s.stop(); process.exit(0); });
process.on("SIGINT", async () => { await s.stop(); process.exit(0); });
setInterval(() => {}, 1 << 30);
