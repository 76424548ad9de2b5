export interface BenchOptions {
  vacancies: number;
  iterations: number;
  warmup: number;
  duration: number;
  skipHttp: boolean;
  skipBuild: boolean;
  recreate: boolean;
  replica: boolean;
}

export const USAGE = `usage: npm run bench:search -- [options]

Seeds a separate database with synthetic vacancies (once, reused afterwards), then measures search
in-process and the public pages over HTTP against \`next start\`.

  --vacancies N    vacancies the bench database should hold (default 1,000,000)
  --iterations N   measured queries per search shape (default 200, after 20 warm-up queries)
  --duration S     seconds of load per page in the HTTP part (default 10)
  --skip-http      in-process search only: no build, no server
  --skip-build     use the existing .next production build
  --recreate       drop the bench database first and build it again (after a change to the
                   migrations or to the synthetic data; only for a database named *bench*)
  --replica        start a streaming replica of the bench database's server on this machine
                   (pg_basebackup, hot standby on a free port; the primary's pg_hba.conf must let
                   127.0.0.1 connect for replication), measure search on it and serve the pages'
                   public reads from it (DATABASE_REPLICA_URL); removed at the end
  --help           this text

The database is BENCH_DATABASE_URL, or postgresql://postgres@127.0.0.1:5432/jumys_bench.`;

export class UsageError extends Error {}

const NUMERIC = {
  vacancies: { min: 1_000, max: 20_000_000 },
  iterations: { min: 10, max: 100_000 },
  duration: { min: 1, max: 600 },
} as const;

type NumericName = keyof typeof NUMERIC;

export function parseArgs(argv: readonly string[]): BenchOptions | "help" {
  const options: BenchOptions = {
    vacancies: 1_000_000,
    iterations: 200,
    warmup: 20,
    duration: 10,
    skipHttp: false,
    skipBuild: false,
    recreate: false,
    replica: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--help" || arg === "-h") return "help";
    if (arg === "--skip-http") {
      options.skipHttp = true;
      continue;
    }
    if (arg === "--skip-build") {
      options.skipBuild = true;
      continue;
    }
    if (arg === "--recreate") {
      options.recreate = true;
      continue;
    }
    if (arg === "--replica") {
      options.replica = true;
      continue;
    }
    const match = /^--(vacancies|iterations|duration)(?:=(.*))?$/.exec(arg);
    if (!match) throw new UsageError(`unknown argument "${arg}"`);
    const name = match[1] as NumericName;
    const raw = match[2] ?? argv[++i];
    if (raw === undefined || raw.startsWith("--")) throw new UsageError(`--${name} needs a value`);
    // Accept 1_000_000 and 1,000,000 as well as 1000000.
    const cleaned = raw.replace(/[_,]/g, "");
    const value = /^\d+$/.test(cleaned) ? Number(cleaned) : Number.NaN;
    const { min, max } = NUMERIC[name];
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      throw new UsageError(
        `--${name} must be a whole number from ${min.toLocaleString("en")} to ${max.toLocaleString("en")}, got "${raw}"`,
      );
    }
    options[name] = value;
  }
  return options;
}
