export * from "./broadcasts.js";
export * from "./content.js";
export * from "./engagement.js";
export * from "./relay.js";
export * from "./residents.js";
export * from "./signals.js";
export * from "./system.js";
export * from "./ward.js";
