import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db-client";

/**
 * The client, with every `$queryRaw` it passes on recorded as its SQL text (placeholders as "?"
 * when called as a tagged template), for tests of which statements a service asks.
 */
export function spyOnQueries(db: Db): { db: Db; statements: string[] } {
  const statements: string[] = [];
  const spied = new Proxy(db, {
    get(target, key, receiver) {
      if (key !== "$queryRaw") return Reflect.get(target, key, receiver) as unknown;
      // Called with a Prisma.Sql or as a tagged template.
      return (first: Prisma.Sql | TemplateStringsArray, ...values: unknown[]) => {
        statements.push(Array.isArray(first) ? first.join("?") : (first as Prisma.Sql).sql);
        return target.$queryRaw(first as TemplateStringsArray, ...values);
      };
    },
  });
  return { db: spied, statements };
}
