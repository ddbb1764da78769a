import { defineConfig } from "vitest/config";

// Workspace packages are read from their TypeScript sources (the "source" export condition).
const conditions = ["source", "import", "module", "node", "default"];
const shared = {
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ["source"] } },
};

export default defineConfig({
  test: {
    globalSetup: ["test/e2e/support/global-setup.ts"],
    projects: [
      { ...shared, test: { name: "shared", include: ["shared/src/**/*.test.ts"], environment: "node" } },
      {
        ...shared,
        test: {
          name: "bot-server",
          include: ["bot-server/src/**/*.test.ts"],
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
          environment: "node",
          testTimeout: 30_000,
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
        },
      },
    ],
  },
});
