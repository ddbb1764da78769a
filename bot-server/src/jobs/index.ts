export { syncScheduler } from "../services/broadcast-schedules.js";
export { scheduleFanout } from "../services/broadcasts.js";
export { reconcileQueues } from "./maintenance-reconcile.handler.js";
