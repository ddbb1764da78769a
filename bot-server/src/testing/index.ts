export * from "./test-stores.js";
export * from "./factories.js";
