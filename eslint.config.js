// Typed ESLint for the whole repository; folder rules keep the one-way data flow (collect → inventory → policy → findings → report, CLI on top).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const restrict = (patterns) => ({ "no-restricted-imports": ["error", { patterns }] });

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "reports/**", "scratch/**", "coverage/**", "test/artifacts/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/strict-boolean-expressions": ["error", { allowNullableBoolean: true, allowNullableString: true, allowString: true, allowNumber: false, allowNullableObject: true }],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-console": "error",
    },
  },
  { files: ["src/cli/**", "bench/**"], rules: { "no-console": "off" } },
  { files: ["src/inventory/**"], rules: restrict([{ group: ["**/collect/**", "**/policy/**", "**/report/**", "**/cli/**", "@aws-sdk/*", "@marcbachmann/cel-js"], message: "inventory is the neutral model: it imports nothing downstream" }]) },
  { files: ["src/findings/**"], rules: restrict([{ group: ["**/collect/**", "**/policy/**", "**/report/**", "**/cli/**", "@aws-sdk/*", "@marcbachmann/cel-js"], message: "findings are neutral types" }]) },
  { files: ["src/collect/**"], rules: restrict([{ group: ["**/policy/**", "**/report/**", "**/cli/**", "@marcbachmann/cel-js"], message: "collect only produces inventory" }]) },
  { files: ["src/policy/**"], rules: restrict([{ group: ["**/collect/**", "**/report/**", "**/cli/**", "**/governance/**", "**/pipeline/**", "@aws-sdk/*"], message: "policy evaluation is offline and format-agnostic" }]) },
  { files: ["src/governance/**"], rules: restrict([{ group: ["**/collect/**", "**/policy/**", "**/report/**", "**/cli/**", "**/pipeline/**", "@aws-sdk/*", "@marcbachmann/cel-js"], message: "governance works on results, not on policies or reports" }]) },
  { files: ["src/shared/**"], rules: restrict([{ group: ["**/collect/**", "**/inventory/**", "**/policy/**", "**/governance/**", "**/findings/**", "**/report/**", "**/cli/**", "**/pipeline/**", "@aws-sdk/*", "@marcbachmann/cel-js"], message: "shared utilities depend on nothing of the product" }]) },
  { files: ["src/pipeline/**"], rules: restrict([{ group: ["**/report/**", "**/cli/**"], message: "the pipeline produces a ScanReport; rendering is the CLI's job" }]) },
  { files: ["src/report/**"], rules: restrict([{ group: ["**/collect/**", "**/policy/**", "**/cli/**", "@aws-sdk/*", "@marcbachmann/cel-js", "node:fs", "node:fs/*"], message: "reporters are pure (ScanReport) => string" }]) },
  { files: ["test/**", "bench/**", "*.config.*"], rules: { "@typescript-eslint/no-unsafe-assignment": "off", "@typescript-eslint/no-unsafe-member-access": "off", "@typescript-eslint/no-unsafe-argument": "off", "@typescript-eslint/no-unsafe-call": "off", "@typescript-eslint/strict-boolean-expressions": "off", "@typescript-eslint/no-non-null-assertion": "off" } },
  { files: ["eslint.config.js", "bin/**/*.js", "scripts/**/*.js"], ...tseslint.configs.disableTypeChecked },
  { files: ["bin/**/*.js", "scripts/**/*.js"], languageOptions: { globals: { process: "readonly" } } },
);
