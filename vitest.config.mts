import { resolve } from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // Programs in examples/ import the package by name, as a user's would: tests resolve it to the sources (vitest
  // runs from the project root, as `npm test` does).
  resolve: { alias: [{ find: /^launch-ready$/, replacement: resolve("lib/index.ts") }] },
  test: {
    include: ["test/**/*.test.ts"],
    // Pulumi mocks are process-global: keep every test file in its own isolated module graph.
    isolate: true,
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
