import { defineConfig } from "prisma/config";

// The URL is only needed by commands that talk to a database (they are not used here:
// migrations run through `npm run db:migrate`); `prisma generate` works without it.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/jumys" },
});
