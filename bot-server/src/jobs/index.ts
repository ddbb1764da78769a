export { reconcileQueues } from "./maintenance-reconcile.handler.js";
export { syncScheduler } from "../services/broadcast-schedules.js";
export { scheduleFanout } from "../services/broadcasts.js";
