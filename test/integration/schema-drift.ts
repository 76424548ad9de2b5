import type { getDMMF } from "@prisma/internals";
import type pg from "pg";

// Compares what schema.prisma describes with what the migrations built, object by object, in
// one vocabulary (PostgreSQL's own type names, shortened). Migrations are written by hand here,
// so this comparison is what keeps them honest. Both sides are reduced to a SchemaShape:
// `expectedSchema` from Prisma's DMMF, following Prisma Migrate's rules for PostgreSQL, and
// `readDatabaseSchema` from the catalog. CHECK constraints, triggers, views and extensions'
// own objects are out of scope: schema.prisma cannot describe them.

export interface ColumnShape {
  type: string;
  nullable: boolean;
  default: string | null;
}
export interface IndexShape {
  unique: boolean;
  /** Column (or expression) with its sort order and any non-default operator class. */
  columns: string[];
  method: string;
  predicate: string | null;
}
export interface ForeignKeyShape {
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: string;
  onUpdate: string;
}
export interface TableShape {
  columns: Record<string, ColumnShape>;
  primaryKey: { name: string; columns: string[] } | null;
  indexes: Record<string, IndexShape>;
  foreignKeys: Record<string, ForeignKeyShape>;
}
export interface SchemaShape {
  enums: Record<string, string[]>;
  tables: Record<string, TableShape>;
}

type Datamodel = Awaited<ReturnType<typeof getDMMF>>["datamodel"];
type Model = Datamodel["models"][number];
type Field = Model["fields"][number];

export async function loadDatamodel(schema: string): Promise<Datamodel> {
  const internals = await import("@prisma/internals");
  // The package is CommonJS: depending on the loader, its functions are on the namespace or on `default`.
  const load = internals.getDMMF ?? (internals as unknown as { default: typeof internals }).default.getDMMF;
  return (await load({ datamodel: schema })).datamodel;
}

// ---------------------------------------------------------------- expected, from schema.prisma

const SCALAR_TYPES: Record<string, string> = {
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  Boolean: "boolean",
  String: "text",
  DateTime: "timestamp(3)",
  Json: "jsonb",
  Bytes: "bytea",
};

const withArgs = (base: string) => (args: readonly string[]) => (args.length ? `${base}(${args.join(",")})` : base);
const NATIVE_TYPES: Record<string, string | ((args: readonly string[]) => string)> = {
  Text: "text",
  VarChar: withArgs("varchar"),
  Char: (args) => `char(${args[0] ?? 1})`,
  Uuid: "uuid",
  Date: "date",
  Timestamptz: withArgs("timestamptz"),
  Timestamp: withArgs("timestamp"),
  Time: withArgs("time"),
  Timetz: withArgs("timetz"),
  SmallInt: "smallint",
  Integer: "integer",
  BigInt: "bigint",
  Real: "real",
  DoublePrecision: "double precision",
  Decimal: withArgs("numeric"),
  Money: "money",
  Boolean: "boolean",
  Json: "json",
  JsonB: "jsonb",
  ByteA: "bytea",
  Inet: "inet",
  Citext: "citext",
  Xml: "xml",
  Oid: "oid",
  Bit: (args) => `bit(${args[0] ?? 1})`,
  VarBit: withArgs("varbit"),
};

const MAX_IDENTIFIER = 63;
/** Prisma's default constraint and index names, truncated as Prisma truncates them. */
export function defaultName(table: string, columns: string[], suffix: "_pkey" | "_key" | "_idx" | "_fkey"): string {
  const base = columns.length ? `${table}_${columns.join("_")}` : table;
  return base.slice(0, MAX_IDENTIFIER - suffix.length) + suffix;
}

const ACTIONS: Record<string, string> = {
  Cascade: "CASCADE",
  Restrict: "RESTRICT",
  NoAction: "NO ACTION",
  SetNull: "SET NULL",
  SetDefault: "SET DEFAULT",
};

const quote = (value: string) => `'${value.replace(/'/g, "''")}'`;

function columnType(field: Field, enumNames: Map<string, string>): string {
  let base: string | undefined;
  if (field.kind === "enum") base = enumNames.get(field.type);
  else if (field.nativeType) {
    const [name, args] = field.nativeType;
    const native = NATIVE_TYPES[name];
    if (native === undefined) throw new Error(`@db.${name} is not known to schema-drift.ts yet: add it to NATIVE_TYPES.`);
    base = typeof native === "string" ? native : native(args);
  } else base = SCALAR_TYPES[field.type];
  if (base === undefined) throw new Error(`Field type ${field.type} is not known to schema-drift.ts yet.`);
  return field.isList ? `${base}[]` : base;
}

function columnDefault(field: Field, enumValues: Map<string, Map<string, string>>): string | null {
  const value = field.default;
  if (!field.hasDefaultValue || value === undefined) return null;
  const literal = (item: string | number | boolean): string => {
    if (typeof item !== "string") return String(item);
    if (field.kind === "enum") return quote(enumValues.get(field.type)?.get(item) ?? item);
    return ["Int", "BigInt", "Float", "Decimal"].includes(field.type) ? item : quote(item);
  };
  if (Array.isArray(value)) return `ARRAY[${value.map(literal).join(", ")}]`;
  if (typeof value === "object") {
    const { name, args } = value as { name: string; args: readonly (string | number)[] };
    if (name === "autoincrement" || name === "now") return `${name}()`;
    if (name === "dbgenerated") return String(args[0] ?? "");
    // uuid(), cuid(), nanoid() and ulid() are filled in by the client: no database default.
    if (["uuid", "cuid", "nanoid", "ulid"].includes(name)) return null;
    return `${name}(${args.join(", ")})`;
  }
  return literal(value as string | number | boolean);
}

function operatorClass(name: string): string {
  // DMMF spells built-in classes in PascalCase (JsonbPathOps, BpcharMinMaxOps); raw() ones as written.
  if (!/^[A-Z]/.test(name)) return name;
  return name
    .replace(/MinMax/g, "Minmax")
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase();
}

export function expectedSchema(datamodel: Datamodel): SchemaShape {
  const enumNames = new Map(datamodel.enums.map((e) => [e.name, e.dbName ?? e.name]));
  const enumValues = new Map(datamodel.enums.map((e) => [e.name, new Map(e.values.map((v) => [v.name, v.dbName ?? v.name]))]));
  const enums = Object.fromEntries(datamodel.enums.map((e) => [e.dbName ?? e.name, e.values.map((v) => v.dbName ?? v.name)]));
  const models = new Map(datamodel.models.map((model) => [model.name, model]));
  const tableOf = (model: Model) => model.dbName ?? model.name;
  const fieldOf = (model: Model, name: string) => {
    const field = model.fields.find((f) => f.name === name);
    if (!field) throw new Error(`${model.name}.${name} is referenced but not defined`);
    return field;
  };
  const columnOf = (model: Model, name: string) => fieldOf(model, name).dbName ?? name;

  const tables: Record<string, TableShape> = {};
  for (const model of datamodel.models) {
    const columns: Record<string, ColumnShape> = {};
    for (const field of model.fields) {
      if (field.kind === "object") continue;
      columns[field.dbName ?? field.name] = {
        type: columnType(field, enumNames),
        // Prisma Migrate creates scalar lists without NOT NULL, whatever the schema says.
        nullable: field.isList || !field.isRequired,
        default: columnDefault(field, enumValues),
      };
    }
    tables[tableOf(model)] = { columns, primaryKey: null, indexes: {}, foreignKeys: {} };
  }

  for (const index of datamodel.indexes) {
    const model = models.get(index.model);
    const shape = model && tables[tableOf(model)];
    if (!model || !shape) continue;
    const table = tableOf(model);
    const columns = index.fields.map((f) => columnOf(model, f.name));
    if (index.type === "id") {
      shape.primaryKey = { name: index.dbName ?? defaultName(table, [], "_pkey"), columns };
    } else if (index.type === "unique" || index.type === "normal") {
      const unique = index.type === "unique";
      shape.indexes[index.dbName ?? defaultName(table, columns, unique ? "_key" : "_idx")] = {
        unique,
        columns: index.fields.map(
          (f, i) =>
            `${columns[i]}${f.sortOrder === "desc" ? " DESC" : ""}${f.operatorClass ? ` ${operatorClass(f.operatorClass)}` : ""}`,
        ),
        method: (index.algorithm ?? "BTree").toLowerCase(),
        predicate: null,
      };
    }
  }

  for (const model of datamodel.models) {
    const shape = tables[tableOf(model)];
    for (const field of model.fields) {
      const from = field.relationFromFields ?? [];
      const target = models.get(field.type);
      if (!shape || from.length === 0 || !target) continue;
      const columns = from.map((name) => columnOf(model, name));
      const optional = from.some((name) => !fieldOf(model, name).isRequired);
      // @relation(map: ...) is not in the DMMF: foreign keys are expected under Prisma's default name.
      shape.foreignKeys[defaultName(tableOf(model), columns, "_fkey")] = {
        columns,
        referencedTable: tableOf(target),
        referencedColumns: (field.relationToFields ?? []).map((name) => columnOf(target, name)),
        onDelete: ACTIONS[field.relationOnDelete ?? (optional ? "SetNull" : "Restrict")] ?? String(field.relationOnDelete),
        onUpdate: ACTIONS[field.relationOnUpdate ?? "Cascade"] ?? String(field.relationOnUpdate),
      };
    }
  }
  // Partial unique indexes are written in SQL only; they are expected exactly as declared below.
  for (const [table, indexes] of Object.entries(SQL_ONLY_INDEXES)) {
    const shape = tables[table];
    if (shape) Object.assign(shape.indexes, structuredClone(indexes));
  }
  return { enums, tables };
}

// ---------------------------------------------------------------- actual, from the catalog

export function normalizeType(formatted: string): string {
  return formatted
    .replace(/"/g, "")
    .replace(/^character varying/, "varchar")
    .replace(/^character(?=\(|\[|$)/, "char")
    .replace(/^bit varying/, "varbit")
    .replace(/^(timestamp|time)(\(\d+\))? with time zone/, (_, base: string, p = "") => `${base}tz${p}`)
    .replace(/^(timestamp|time)(\(\d+\))? without time zone/, "$1$2");
}

const CAST = `::[\\w\\s".()]+(?:\\[\\])*`;
/** A column default as pg_get_expr prints it, rewritten to read like the schema's @default. */
export function normalizeDefault(expression: string | null): string | null {
  if (expression === null) return null;
  const e = expression.trim();
  if (/^nextval\('.+'::regclass\)$/.test(e)) return "autoincrement()";
  if (e === "CURRENT_TIMESTAMP" || e === "now()") return "now()";
  const number = new RegExp(`^'(-?\\d+(?:\\.\\d+)?)'${CAST}$`).exec(e);
  if (number) return number[1] ?? e;
  const literal = new RegExp(`^('(?:[^']|'')*')${CAST}$`).exec(e);
  if (literal) return literal[1] ?? e;
  const array = new RegExp(`^(ARRAY\\[.*\\])${CAST}$`).exec(e)?.[1] ?? (e.startsWith("ARRAY[") ? e : null);
  if (array) return array.replace(new RegExp(`('(?:[^']|'')*')${CAST}`, "g"), "$1");
  return e;
}

const FK_ACTIONS: Record<string, string> = { a: "NO ACTION", r: "RESTRICT", c: "CASCADE", n: "SET NULL", d: "SET DEFAULT" };
const IGNORED_TABLES = new Set(["_prisma_migrations"]);

// Objects an extension created belong to the extension, not to the schema.
const NOT_FROM_EXTENSION = (oid: string) =>
  `NOT EXISTS (SELECT 1 FROM pg_depend dep WHERE dep.objid = ${oid} AND dep.deptype = 'e')`;

const CATALOG_QUERIES = {
  enums: `SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = current_schema() AND ${NOT_FROM_EXTENSION("t.oid")} GROUP BY t.typname ORDER BY t.typname`,
  columns: `SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
      a.attnotnull AS not_null, pg_get_expr(d.adbin, d.adrelid) AS default, a.attidentity AS identity, a.attgenerated AS generated
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND ${NOT_FROM_EXTENSION("c.oid")}
    ORDER BY c.relname, a.attnum`,
  constraints: `SELECT con.conname AS name, con.contype::text AS kind, c.relname AS table, rc.relname AS referenced_table,
      ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(num, ord)
        JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.ord) AS columns,
      ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(num, ord)
        JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.ord) AS referenced_columns,
      con.confdeltype::text AS on_delete, con.confupdtype::text AS on_update
    FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_class rc ON rc.oid = con.confrelid
    WHERE n.nspname = current_schema() AND con.contype IN ('p', 'f')`,
  // indoption bit 1 is DESC, bit 2 NULLS FIRST; only non-default null ordering is shown.
  // INCLUDE columns (after key_count) have neither options nor operator classes.
  indexes: `SELECT ic.relname AS name, c.relname AS table, i.indisunique AS unique, am.amname AS method,
      pg_get_expr(i.indpred, i.indrelid) AS predicate, i.indnkeyatts AS key_count,
      ARRAY(SELECT pg_get_indexdef(i.indexrelid, k.ord, true)
          || CASE WHEN o.opt & 1 = 1 THEN ' DESC' ELSE '' END
          || CASE WHEN (o.opt & 1 = 1) = (o.opt & 2 = 2) THEN ''
                  WHEN o.opt & 2 = 2 THEN ' NULLS FIRST' ELSE ' NULLS LAST' END
          || CASE WHEN oc.opcdefault IS NOT FALSE THEN '' ELSE ' ' || oc.opcname END
        FROM generate_series(1, i.indnatts::int) AS k(ord)
        CROSS JOIN LATERAL (SELECT COALESCE(i.indoption[k.ord - 1], 0) AS opt) o
        LEFT JOIN pg_opclass oc ON oc.oid = i.indclass[k.ord - 1] ORDER BY k.ord) AS columns
    FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class c ON c.oid = i.indrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_am am ON am.oid = ic.relam
    WHERE n.nspname = current_schema() AND NOT i.indisprimary AND ${NOT_FROM_EXTENSION("c.oid")}`,
};

const unquoteIdentifier = (s: string) => s.replace(/^"((?:[^"]|"")+)"(?=$| )/, (_, name: string) => name.replace(/""/g, '"'));

export async function readDatabaseSchema(client: pg.ClientBase): Promise<SchemaShape> {
  // One after another: a pg client runs one query at a time anyway.
  const enums = await client.query<{ name: string; labels: string[] }>(CATALOG_QUERIES.enums);
  const columns = await client.query<{
    table: string;
    column: string;
    type: string;
    not_null: boolean;
    default: string | null;
    identity: string;
    generated: string;
  }>(CATALOG_QUERIES.columns);
  const constraints = await client.query<{
    name: string;
    kind: string;
    table: string;
    referenced_table: string | null;
    columns: string[];
    referenced_columns: string[];
    on_delete: string;
    on_update: string;
  }>(CATALOG_QUERIES.constraints);
  const indexes = await client.query<{
    name: string;
    table: string;
    unique: boolean;
    method: string;
    predicate: string | null;
    key_count: number;
    columns: string[];
  }>(CATALOG_QUERIES.indexes);

  const tables: Record<string, TableShape> = {};
  const tableFor = (name: string) => (tables[name] ??= { columns: {}, primaryKey: null, indexes: {}, foreignKeys: {} });
  for (const row of columns.rows) {
    if (IGNORED_TABLES.has(row.table)) continue;
    let value = normalizeDefault(row.default);
    if (row.identity) value = `identity (${row.identity === "a" ? "ALWAYS" : "BY DEFAULT"})`;
    if (row.generated) value = `generated as ${row.default}`;
    tableFor(row.table).columns[row.column] = { type: normalizeType(row.type), nullable: !row.not_null, default: value };
  }
  for (const row of constraints.rows) {
    if (IGNORED_TABLES.has(row.table)) continue;
    const table = tableFor(row.table);
    if (row.kind === "p") table.primaryKey = { name: row.name, columns: row.columns };
    else
      table.foreignKeys[row.name] = {
        columns: row.columns,
        referencedTable: row.referenced_table ?? "?",
        referencedColumns: row.referenced_columns,
        onDelete: FK_ACTIONS[row.on_delete] ?? row.on_delete,
        onUpdate: FK_ACTIONS[row.on_update] ?? row.on_update,
      };
  }
  for (const row of indexes.rows) {
    if (IGNORED_TABLES.has(row.table)) continue;
    const keys = row.columns.slice(0, row.key_count).map(unquoteIdentifier);
    const included = row.columns.slice(row.key_count).map(unquoteIdentifier);
    tableFor(row.table).indexes[row.name] = {
      unique: row.unique,
      columns: included.length ? [...keys, `INCLUDE (${included.join(", ")})`] : keys,
      method: row.method,
      predicate: row.predicate,
    };
  }
  return { enums: Object.fromEntries(enums.rows.map((row) => [row.name, row.labels])), tables };
}

// ---------------------------------------------------------------- comparison

const list = (items: string[]) => `(${items.join(", ")})`;
const nullability = (nullable: boolean) => (nullable ? "nullable" : "NOT NULL");
const describeIndex = (index: IndexShape) =>
  `${index.unique ? "unique " : ""}${list(index.columns)}${index.method === "btree" ? "" : ` USING ${index.method}`}` +
  (index.predicate ? ` WHERE ${index.predicate}` : "");
const describeForeignKey = (fk: ForeignKeyShape) =>
  `${list(fk.columns)} REFERENCES ${fk.referencedTable} ${list(fk.referencedColumns)} ON DELETE ${fk.onDelete} ON UPDATE ${fk.onUpdate}`;
const describeKey = (key: TableShape["primaryKey"]) => (key ? `${key.name} ${list(key.columns)}` : "none");

/** Compares two keyed collections; `describe` renders one entry, equal renderings mean equal entries. */
function compareEntries<T>(
  prefix: string,
  expected: Record<string, T>,
  actual: Record<string, T>,
  describe: (value: T) => string,
): string[] {
  const lines: string[] = [];
  for (const [name, value] of Object.entries(expected)) {
    const found = actual[name];
    if (found === undefined) lines.push(`${prefix} ${name} ${describe(value)} missing in database`);
    else if (describe(found) !== describe(value))
      lines.push(`${prefix} ${name} is ${describe(value)} in schema, ${describe(found)} in database`);
  }
  for (const [name, value] of Object.entries(actual)) {
    if (!(name in expected)) lines.push(`${prefix} ${name} ${describe(value)} in database, not in schema`);
  }
  return lines;
}

function compareTable(table: string, expected: TableShape, actual: TableShape): string[] {
  const lines: string[] = [];
  for (const [name, column] of Object.entries(expected.columns)) {
    const found = actual.columns[name];
    const at = `${table}.${name}`;
    if (!found) {
      lines.push(`${at}: missing in database`);
      continue;
    }
    if (found.type !== column.type) lines.push(`${at}: type ${column.type} in schema, ${found.type} in database`);
    if (found.nullable !== column.nullable)
      lines.push(`${at}: ${nullability(column.nullable)} in schema, ${nullability(found.nullable)} in database`);
    if (found.default !== column.default)
      lines.push(`${at}: default ${column.default ?? "none"} in schema, ${found.default ?? "none"} in database`);
  }
  for (const name of Object.keys(actual.columns)) {
    if (!(name in expected.columns)) lines.push(`${table}.${name}: in database, not in schema`);
  }
  if (describeKey(expected.primaryKey) !== describeKey(actual.primaryKey))
    lines.push(
      `${table}: primary key ${describeKey(expected.primaryKey)} in schema, ${describeKey(actual.primaryKey)} in database`,
    );
  lines.push(...compareEntries(`${table}: index`, expected.indexes, actual.indexes, describeIndex));
  lines.push(...compareEntries(`${table}: foreign key`, expected.foreignKeys, actual.foreignKeys, describeForeignKey));
  return lines;
}

/**
 * Tables that migrations create for PostgreSQL features schema.prisma cannot describe (tsvector
 * columns, multicolumn GIN indexes, text_pattern_ops): the search tables and their vocabularies.
 * They have tests of their own.
 */
export const SQL_ONLY_TABLES = [
  "vacancy_search",
  "vacancy_salary_order",
  "search_terms",
  "resume_search",
  "search_lexemes",
] as const;

const partialUnique = (columns: string[], predicate: string): IndexShape => ({
  unique: true,
  columns,
  method: "btree",
  predicate,
});

/**
 * Indexes of tables that schema.prisma describes, but that it cannot describe itself: partial
 * unique indexes (Prisma's `where:` on @@unique is a preview that the DMMF does not expose, and it
 * would offer them to the client as if the columns were unique everywhere). Written as the catalog
 * prints them, so a change on either side is still a difference.
 */
export const SQL_ONLY_INDEXES: Record<string, Record<string, IndexShape>> = {
  orders: {
    orders_one_cart_per_organization_key: partialUnique(["organization_id"], `(status = 'CART'::"OrderStatus")`),
  },
  ledger_entries: {
    ledger_entries_top_up_payment_key: partialUnique(["payment_id"], `(kind = 'TOP_UP'::"LedgerEntryKind")`),
    ledger_entries_purchase_order_key: partialUnique(["order_id"], `(kind = 'PURCHASE'::"LedgerEntryKind")`),
    ledger_entries_forfeit_entitlement_key: partialUnique(["entitlement_id"], `(kind = 'FORFEIT'::"LedgerEntryKind")`),
    ledger_entries_refund_direction_key: partialUnique(
      ["refund_id", "(amount_tiyn > 0)"],
      `(kind = 'REFUND'::"LedgerEntryKind")`,
    ),
  },
  payment_notifications: {
    payment_notifications_verified_event_key: partialUnique(["provider", "event_key"], "verified"),
  },
  blocks: {
    blocks_one_active_per_organization_key: partialUnique(["organization_id"], "(lifted_at IS NULL)"),
    blocks_one_active_per_user_key: partialUnique(["user_id"], "(lifted_at IS NULL)"),
  },
};

/** Every difference, one readable line each; empty when the database matches the schema. */
export function compareSchemas(expected: SchemaShape, actual: SchemaShape): string[] {
  const lines = compareEntries("enum", expected.enums, actual.enums, list);
  for (const [name, table] of Object.entries(expected.tables)) {
    const found = actual.tables[name];
    lines.push(...(found ? compareTable(name, table, found) : [`table ${name}: missing in database`]));
  }
  for (const name of Object.keys(actual.tables)) {
    if ((SQL_ONLY_TABLES as readonly string[]).includes(name)) continue;
    if (!(name in expected.tables)) lines.push(`table ${name}: in database, not in schema`);
  }
  return lines;
}
