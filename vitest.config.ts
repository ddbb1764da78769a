import { defineConfig } from "vitest/config";

// Workspace packages are read from their TypeScript sources (the "source" export condition).
const conditions = ["source", "import", "module", "node", "default"];
const shared = {
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ["source"] } },
};
// The unit projects run first, a file per core; then the cross-package tests (real Redis, store,
// simulator, a browser), one file at a time: they start whole systems and time real waits.
const units = { groupOrder: 0 };

export default defineConfig({
  test: {
    globalSetup: ["test/e2e/support/global-setup.ts"],
    // Vitest's default leaves one of the machine's two cores idle.
    maxWorkers: 2,
    projects: [
      {
        ...shared,
        test: { name: "shared", include: ["shared/src/**/*.test.ts"], environment: "node", sequence: units },
      },
      {
        ...shared,
        test: {
          name: "bot-server",
          include: ["bot-server/src/**/*.test.ts"],
          sequence: units,
          environment: "node",
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        ...shared,
        test: {
          name: "zalo-sim",
          include: ["test/zalo-sim/src/**/*.test.ts"],
          sequence: units,
          environment: "node",
          testTimeout: 30_000,
        },
      },
      {
        ...shared,
        // JSX compiles as mini-app/tsconfig.json says ("react-jsx"): Vite's esbuild reads it per file.
        test: {
          name: "mini-app",
          include: ["mini-app/src/**/*.test.{ts,tsx}"],
          sequence: units,
          environment: "jsdom",
          setupFiles: ["mini-app/src/test-setup.ts"],
          // Screens load on demand (React.lazy): the first import of one is slow on a busy machine.
          testTimeout: 20_000,
        },
      },
      {
        ...shared,
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
