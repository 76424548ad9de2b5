// `prisma generate` never runs the schema engine, but the CLI still looks for its binary and
// tries to download it when missing. Pointing it at any executable keeps generation offline.
import { spawnSync } from "node:child_process";

const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
const result = spawnSync("prisma", ["generate"], { stdio: "inherit", env, shell: process.platform === "win32" });
process.exit(result.status ?? 1);
