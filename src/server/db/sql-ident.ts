import { Prisma } from "@/generated/prisma/client";

const PLAIN_IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * A table, column or alias name spliced into SQL as it is. Only plain lower-case identifiers pass,
 * so a name can never carry quotes or SQL of its own: the callers pass names from their own code
 * (aliases of the query they extend), never user input.
 */
export function sqlIdent(name: string): Prisma.Sql {
  if (!PLAIN_IDENTIFIER.test(name)) throw new Error(`not an SQL identifier: ${name}`);
  return Prisma.raw(name);
}
