import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "lib/**", "node_modules/**", "coverage/**", "test-output/**"] },
  ...tseslint.configs.recommended,
  {
    files: ["src/core/**/*.ts"],
    rules: {
      // The engine is pure: no Office, DOM, ExcelJS or node imports.
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["exceljs", "react", "react-dom", "@fluentui/*", "fs", "path", "node:*", "../excel/*", "../cli/*", "../taskpane/*", "../functions/*"], message: "src/core is pure: no adapter, Office, DOM or node imports." },
          ],
        },
      ],
      "no-restricted-globals": ["error", "Office", "Excel", "document", "window"],
    },
  },
  {
    files: ["**/*.js", "**/*.cjs", "scripts/**/*.mjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
    languageOptions: { globals: { require: "readonly", module: "writable", __dirname: "readonly", process: "readonly", console: "readonly" } },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
);
