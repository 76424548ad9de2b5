import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

import { EMPTY_SEARCH, type LicenceValue, type SearchParams } from "../../src/lib/search/params";
import { criteriaFromParams } from "../../src/lib/search/subscription-criteria";
import { createRng, sample, weightedPicker, type Rng } from "../../prisma/seed/random";

// The bench's seekers: verified accounts with 1–3 daily subscriptions each, their criteria a mix
// of what people save on a jobs site (words from real titles, a city or region, specializations
// from the catalogue, driving licences, salary, experience, remote work), including some typos.

export const BENCH_EMAIL_DOMAIN = "bench.jumys.kz";
const CHUNK_ROWS = 5_000;

interface Catalogue {
  cities: { slug: string; population: number }[];
  regions: string[];
  specializations: string[];
  queries: string[];
}

async function readCatalogue(client: pg.Client): Promise<Catalogue> {
  const cities = await client.query<{ slug: string; population: number | null }>(
    "SELECT slug, population FROM cities ORDER BY slug",
  );
  const regions = await client.query<{ slug: string }>("SELECT slug FROM regions ORDER BY slug");
  const specs = await client.query<{ slug: string }>(
    "SELECT slug FROM specializations WHERE parent_id IS NOT NULL ORDER BY slug",
  );
  // What people type: the first word or two of the titles employers write.
  const titles = await client.query<{ title: string }>(
    "SELECT DISTINCT title FROM vacancies WHERE status = 'PUBLISHED' ORDER BY title LIMIT 600",
  );
  const queries = new Set<string>();
  for (const { title } of titles.rows) {
    const words = title
      .toLowerCase()
      .split(/[\s,()«»"–-]+/)
      .filter((w) => w.length > 2);
    if (words[0]) queries.add(words[0]);
    if (words.length > 1) queries.add(`${words[0]} ${words[1]}`);
  }
  if (cities.rows.length === 0 || specs.rows.length === 0 || queries.size === 0) {
    throw new Error("the bench database has no catalogue or vacancies");
  }
  return {
    cities: cities.rows.map((c) => ({ slug: c.slug, population: c.population ?? 10_000 })),
    regions: regions.rows.map((r) => r.slug),
    specializations: specs.rows.map((s) => s.slug),
    queries: [...queries].sort(),
  };
}

/** A typing slip: one letter replaced by its neighbour in the word. */
function typo(rng: Rng, query: string): string {
  const word = query.split(" ")[0] ?? query;
  if (word.length < 5) return query;
  const at = rng.int(1, word.length - 2);
  return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
}

function criteriaPicker(catalogue: Catalogue) {
  const city = weightedPicker(catalogue.cities.map((c) => ({ item: c.slug, weight: Math.sqrt(c.population) })));
  const salary = (rng: Rng) => rng.int(3, 12) * 50_000;
  const licences: LicenceValue[] = ["B", "C", "CE", "D", "BE"];
  const shapes: { weight: number; build: (rng: Rng) => Partial<SearchParams> }[] = [
    { weight: 15, build: (rng) => ({ q: rng.pick(catalogue.queries) }) },
    { weight: 20, build: (rng) => ({ q: rng.pick(catalogue.queries), city: city(rng) }) },
    { weight: 25, build: (rng) => ({ specializations: sample(rng, catalogue.specializations, rng.int(1, 2)), city: city(rng) }) },
    {
      weight: 10,
      build: (rng) => ({
        specializations: [rng.pick(catalogue.specializations)],
        region: rng.pick(catalogue.regions),
        salary: salary(rng),
      }),
    },
    { weight: 10, build: (rng) => ({ licences: sample(rng, licences, rng.int(1, 2)), city: city(rng) }) },
    {
      weight: 8,
      build: (rng) => ({
        q: rng.pick(catalogue.queries),
        salary: salary(rng),
        experience: [rng.pick(["NONE", "FROM_1_TO_3"] as const)],
      }),
    },
    { weight: 5, build: (rng) => ({ city: city(rng), employment: [rng.pick(["FULL_TIME", "PART_TIME"] as const)] }) },
    { weight: 4, build: (rng) => ({ q: rng.chance(0.5) ? rng.pick(catalogue.queries) : "", remote: true }) },
    { weight: 3, build: (rng) => ({ q: typo(rng, rng.pick(catalogue.queries)), city: city(rng) }) },
  ];
  return weightedPicker(shapes.map((s) => ({ item: s.build, weight: s.weight })));
}

/** COPY text format: backslash, tab and line breaks escaped. */
const field = (value: string) =>
  value.replace(/[\\\t\n\r]/g, (c) => ({ "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" })[c] ?? c);

async function copyRows(client: pg.Client, sql: string, rows: Iterable<string>) {
  function* chunks(): Generator<string> {
    let chunk = "";
    let n = 0;
    for (const row of rows) {
      chunk += row;
      if (++n % CHUNK_ROWS === 0) {
        yield chunk;
        chunk = "";
      }
    }
    if (chunk) yield chunk;
  }
  await pipeline(Readable.from(chunks()), client.query(copyFrom(sql)));
}

export interface SeekerState {
  seekers: number;
  subscriptions: number;
  /** What this run did: "reused" or what it added. */
  prepared: string;
}

/** Makes sure `target` bench seekers exist with their subscriptions (added once, deterministically). */
export async function ensureSeekers(url: string, target: number, seed = 7): Promise<SeekerState> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const pattern = `%@${BENCH_EMAIL_DOMAIN}`;
    const count = async () =>
      Number(
        (await client.query<{ n: string }>("SELECT count(*) AS n FROM users WHERE email LIKE $1", [pattern])).rows[0]?.n ?? 0,
      );
    const existing = await count();
    let prepared = "reused";
    if (existing < target) {
      const started = performance.now();
      const catalogue = await readCatalogue(client);
      const pick = criteriaPicker(catalogue);
      const rng = createRng(seed + existing);
      const now = new Date().toISOString();
      await client.query("BEGIN");
      try {
        const users = function* () {
          for (let i = existing; i < target; i++) {
            const locale = rng.chance(0.3) ? "kk" : "ru";
            yield `seeker-${i}@${BENCH_EMAIL_DOMAIN}\tИскатель ${i}\t${locale}\ttrue\t${now}\t${now}\ttrue\n`;
          }
        };
        await copyRows(
          client,
          "COPY users (email, name, locale, is_seeker, email_verified_at, adult_declared_at, notify_digests) FROM STDIN",
          users(),
        );
        const ids = await client.query<{ id: number }>(
          "SELECT id FROM users WHERE email LIKE $1 AND NOT EXISTS (SELECT 1 FROM subscriptions s WHERE s.user_id = users.id) ORDER BY id",
          [pattern],
        );
        const subscriptions = function* () {
          for (const { id } of ids.rows) {
            const count = rng.int(1, 3);
            for (let k = 0; k < count; k++) {
              const criteria = criteriaFromParams({ ...EMPTY_SEARCH, ...pick(rng)(rng) });
              yield `${id}\t${field(`Подписка ${k + 1}`)}\t${field(JSON.stringify(criteria))}\tDAILY\t${now}\n`;
            }
          }
        };
        await copyRows(client, "COPY subscriptions (user_id, name, criteria, frequency, created_at) FROM STDIN", subscriptions());
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      }
      await client.query("ANALYZE users, subscriptions");
      prepared = `added ${target - existing} seekers in ${((performance.now() - started) / 1000).toFixed(1)} s`;
    }
    const subs = await client.query<{ n: string }>(
      "SELECT count(*) AS n FROM subscriptions s JOIN users u ON u.id = s.user_id WHERE u.email LIKE $1",
      [pattern],
    );
    return { seekers: await count(), subscriptions: Number(subs.rows[0]?.n ?? 0), prepared };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Puts the digest back to "never sent": no deliveries and no digest emails, every bench
 * subscription made one day before `now` and never sent, every bench seeker's digests on. With a
 * `weeklyShare`, that share of the subscriptions (every n-th by id) is weekly, made eight days
 * before `now`, so that its window reaches back the whole week.
 */
export async function resetDigestState(url: string, now: Date, weeklyShare = 0): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const pattern = `%@${BENCH_EMAIL_DOMAIN}`;
    await client.query("DELETE FROM digest_deliveries");
    await client.query("DELETE FROM email_messages WHERE template = 'subscription-digest'");
    await client.query(
      `UPDATE subscriptions s SET last_digest_at = NULL, paused_at = NULL, frequency = 'DAILY', created_at = $1
       FROM users u WHERE u.id = s.user_id AND u.email LIKE $2`,
      [new Date(now.getTime() - 86_400_000), pattern],
    );
    if (weeklyShare > 0)
      await client.query(
        `UPDATE subscriptions s SET frequency = 'WEEKLY', created_at = $1
         FROM users u WHERE u.id = s.user_id AND u.email LIKE $2 AND s.id % $3 = 0`,
        [new Date(now.getTime() - 8 * 86_400_000), pattern, Math.round(1 / weeklyShare)],
      );
    await client.query("UPDATE users SET notify_digests = true WHERE email LIKE $1 AND NOT notify_digests", [pattern]);
    // Outside the measured run: the deletes above leave dead rows behind.
    await client.query("VACUUM (ANALYZE) digest_deliveries, email_messages, subscriptions, users");
  } finally {
    await client.end().catch(() => undefined);
  }
}
