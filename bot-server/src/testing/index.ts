export * from "./factories.js";
export * from "./test-stores.js";
