import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import zaloMiniApp from "zmp-vite-plugin";

// Paths are taken from this file, not the cwd: the plugin would otherwise read ./app-config.json
// from wherever the build or vitest happens to be started.
const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const appConfig = JSON.parse(readFileSync(here("../app-config.json"), "utf8"));

export default defineConfig({
  root: here("./src"),
  base: "",
  plugins: [zaloMiniApp(appConfig), react()],
  resolve: {
    // Read @loa-phuong/shared from its TypeScript sources, so the Mini App builds without `tsc -b` first.
    conditions: ["source"],
  },
  build: {
    outDir: here("./www"),
    emptyOutDir: true,
    rollupOptions: {
      // zod's sources carry explanatory comments beside `@__PURE__` marks that Rollup drops with a long
      // note on every build; nothing is wrong, so the note is not shown. Every other warning is.
      onwarn(warning, warn) {
        if (warning.code === "INVALID_ANNOTATION" && warning.id?.includes("node_modules/zod/")) return;
        warn(warning);
      },
    },
  },
});
