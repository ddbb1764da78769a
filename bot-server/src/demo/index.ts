export { seededRandom } from "./demo-residents.js";
export { DEMO_PASSWORD, demoStaff, demoWard } from "./hong-bang.js";
export { demoStaffIds, seedDemoWard } from "./seed.js";
