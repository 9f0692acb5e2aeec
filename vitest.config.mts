import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Pulumi mocks are process-global: keep every test file in its own isolated module graph.
    isolate: true,
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
