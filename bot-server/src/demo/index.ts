export { seedDemoWard, demoStaffIds } from "./seed.js";
export { DEMO_PASSWORD, demoStaff, demoWard } from "./hong-bang.js";
