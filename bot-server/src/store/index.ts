export * from "./database.js";
export * as tables from "./schema/index.js";
