import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";
import zaloMiniApp from "zmp-vite-plugin";

// Paths are taken from this file, not the cwd: the plugin would otherwise read ./app-config.json
// from wherever the build or vitest happens to be started.
const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const appConfig = JSON.parse(readFileSync(here("../app-config.json"), "utf8"));

/**
 * boot.ts is an entry of its own, loaded before the app's: a few KB that start the first screen's
 * requests while the app's larger module is still downloading (one module would run only once all of
 * it had arrived). Vite bundles the scripts of index.html into one entry, so its tag (and the
 * modulepreloads of what it imports) are added here; zmp-vite-plugin lists both entries for Zalo.
 */
function bootBeforeApp(): Plugin {
  return {
    name: "loa-boot-before-app",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(html, { bundle }) {
        const boot = Object.values(bundle ?? {}).find(
          (output) => output.type === "chunk" && output.isEntry && output.name === "boot",
        );
        if (boot?.type !== "chunk") throw new Error("the boot entry (src/boot.ts) was not built");
        const tags = [
          // async: it runs on arrival, not after the stylesheet as the app's deferred module does.
          `<script type="module" async crossorigin src="./${boot.fileName}"></script>`,
          ...boot.imports.map((file) => `<link rel="modulepreload" crossorigin href="./${file}">`),
        ];
        return html.replace(
          /(\s*)<script type="module"/,
          (script, indent) => `${indent}${tags.join(indent)}${script}`,
        );
      },
    },
  };
}

export default defineConfig({
  root: here("./src"),
  base: "",
  plugins: [zaloMiniApp(appConfig), react(), bootBeforeApp()],
  resolve: {
    // Read @loa-phuong/shared from its TypeScript sources, so the Mini App builds without `tsc -b` first.
    conditions: ["source"],
  },
  build: {
    outDir: here("./www"),
    emptyOutDir: true,
    rollupOptions: {
      // Two entries, both in app-config.json's listSyncJS: the app's chunk imports boot's (what they
      // share), so boot runs first whichever of them Zalo starts first.
      input: { boot: here("./src/boot.ts"), index: here("./src/index.html") },
      // zod's sources carry explanatory comments beside `@__PURE__` marks that Rollup drops with a long
      // note on every build; nothing is wrong, so the note is not shown. Every other warning is.
      onwarn(warning, warn) {
        if (warning.code === "INVALID_ANNOTATION" && warning.id?.includes("node_modules/zod/")) return;
        warn(warning);
      },
    },
  },
});
