// Vitest configuration: every suite runs in CI; the "fast" project leaves out the moto and Chromium suites (`npm run test:fast`).
import { configDefaults, defineConfig } from "vitest/config";

/** Suites that start moto or Chromium: integration tests are named *.int.test.ts; the browser suites are listed. */
export const SLOW_SUITES = ["test/**/*.int.test.ts", "test/report/html.test.ts", "test/report/html-large.test.ts", "test/report/example-inventory.test.ts"];

export default defineConfig({
  test: {
    // The HTML reporter embeds its compiled browser script from dist/html-client.
    globalSetup: ["test/helpers/build-html-client.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The JSON report lets .ci/run print a plain "N passed, N failed" closing line.
    reporters: ["default", "json"],
    outputFile: { json: "test/artifacts/vitest.json" },
    projects: [
      { extends: true, test: { name: "fast", include: ["test/**/*.test.ts"], exclude: [...configDefaults.exclude, ...SLOW_SUITES] } },
      { extends: true, test: { name: "slow", include: SLOW_SUITES } },
    ],
  },
});
