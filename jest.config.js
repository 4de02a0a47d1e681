/** Unit tests run on the TypeScript sources; type-checking is `npm run typecheck`'s job. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": [
      "ts-jest",
      {
        tsconfig: { isolatedModules: true, module: "commonjs", jsx: "react-jsx", esModuleInterop: true, target: "ES2022" },
      },
    ],
  },
  testTimeout: 60000,
};
