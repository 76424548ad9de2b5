import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    "src/generated/**",
    ".data/**",
    "test-results/**",
    "playwright-report/**",
    ".reports/**",
    ".size-floor/**",
    "next-env.d.ts",
  ]),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-explicit-any": "error",
      "import/no-anonymous-default-export": "off",
    },
  },
  // One data path. Pages, components and route handlers never query the database themselves:
  // signed-in pages read through the tRPC server caller (where every authorisation rule lives),
  // public pages and route handlers through domain services that apply the public rules.
  {
    files: ["src/app/**/*.{ts,tsx}", "src/components/**/*.{ts,tsx}"],
    ignores: ["**/*.test.ts", "**/*.int.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^@/(server/db|server/db-client|generated/prisma/client)$",
              allowTypeImports: true,
              message: "Read data through a service (public pages) or the tRPC server caller (signed-in pages).",
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      "src/app/[[]locale]/{account,admin,employer,seeker,invitations,saved,feedback}/**/*.{ts,tsx}",
      "src/app/[[]locale]/vacancy/[[]idSlug]/apply/**/*.{ts,tsx}",
      "src/components/{account,admin,employer,seeker,resume}/**/*.{ts,tsx}",
    ],
    ignores: ["**/*.test.ts", "**/*.int.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^@/(server/db|server/db-client|generated/prisma/client)$",
              allowTypeImports: true,
              message: "Read data through the tRPC server caller (`api` from @/trpc/server).",
            },
            {
              // Reference data (cities, specialisations) is the same for everyone.
              regex: "^@/server/services/(?!catalog/)",
              allowTypeImports: true,
              message: "Signed-in pages read through the tRPC server caller (`api` from @/trpc/server), where access is checked.",
            },
          ],
        },
      ],
    },
  },
]);
