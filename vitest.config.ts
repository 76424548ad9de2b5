import { fileURLToPath } from "node:url";

import { defineConfig } from "vitest/config";

const roots = ["src", "prisma", "scripts", "test"];

export default defineConfig({
  resolve: {
    alias: [
      // Same mapping as tsconfig's `@/*` paths; a regex so that `@prisma/...` is left alone.
      { find: /^@\//, replacement: `${fileURLToPath(new URL("./src", import.meta.url))}/` },
      // Tests are server code: resolve the marker as Next does under the react-server condition
      // (only for this package; that condition would swap React's own builds too).
      { find: /^server-only$/, replacement: fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)) },
      // next-intl's ESM build imports "next/server" without an extension, which Node's ESM
      // resolver rejects outside Next's bundler; the proxy's tests import it.
      { find: /^next\/server$/, replacement: "next/server.js" },
    ],
  },
  test: {
    server: { deps: { inline: ["next-intl"] } },
    env: {
      AUTH_SECRET: "test-secret-test-secret-test-secret-0123456789",
      APP_URL: "http://localhost:3000",
      NODE_ENV: "test",
    },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          environment: "node",
          include: roots.map((root) => `${root}/**/*.test.ts`),
          exclude: ["**/node_modules/**", "**/*.int.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          environment: "node",
          include: roots.map((root) => `${root}/**/*.int.test.ts`),
          exclude: ["**/node_modules/**"],
          globalSetup: ["test/integration/global-setup.ts"],
          setupFiles: ["test/integration/setup-database.ts"],
          // Creating databases and running migrations is slower than a unit test's budget.
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
