import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./bot-server/src/store/schema/index.ts",
  out: "./bot-server/migrations",
});
