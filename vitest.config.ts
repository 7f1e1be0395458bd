// Vitest configuration: every suite runs in CI (unit, policy tests, CLI end to end, moto and browser integration).
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The HTML reporter embeds its compiled browser script from dist/html-client.
    globalSetup: ["test/helpers/build-html-client.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The JSON report lets .ci/run print a plain "N passed, N failed" closing line.
    reporters: ["default", "json"],
    outputFile: { json: "test/artifacts/vitest.json" },
  },
});
