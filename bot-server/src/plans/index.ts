export * from "./document.js";
export * from "./extract-plan.js";
export * from "./read-plan-file.js";
export * from "./score-plans.js";
export * from "./write-formats.js";
