// Typed ESLint for the whole repository; per-layer allow-lists (eslint-layers.js) keep the one-way data flow (collect → inventory → policy → findings → report, CLI on top).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import { layersPlugin } from "./eslint-layers.js";

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
  { files: ["src/**/*.ts"], plugins: { layers: layersPlugin }, rules: { "layers/allowed-imports": "error" } },
  { files: ["test/**", "bench/**", "*.config.*"], rules: { "@typescript-eslint/no-unsafe-assignment": "off", "@typescript-eslint/no-unsafe-member-access": "off", "@typescript-eslint/no-unsafe-argument": "off", "@typescript-eslint/no-unsafe-call": "off", "@typescript-eslint/strict-boolean-expressions": "off", "@typescript-eslint/no-non-null-assertion": "off" } },
  { files: ["eslint.config.js", "eslint-layers.js", "bin/**/*.js", "scripts/**/*.js"], ...tseslint.configs.disableTypeChecked },
  { files: ["bin/**/*.js", "scripts/**/*.js"], languageOptions: { globals: { process: "readonly" } } },
);
