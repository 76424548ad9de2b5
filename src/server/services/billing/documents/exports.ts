import type { LedgerEntryKind } from "@/generated/prisma/enums";
import { almatyDay, almatyDayStart } from "@/lib/almaty-time";
import type { Actor } from "@/server/audit";
import { AccessDeniedError } from "@/server/auth/guards";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";

import { requireFinance } from "../billing-access";
import { listLedgerEntries } from "../ledger-queries";
import type { CsvCell } from "./csv";
import { requireDocumentReader } from "./load-documents";

// The CSV exports: an organisation's ledger (its members and finance) and, for finance, what the
// electronic invoices (ESF) are issued from: every act of a period with its buyer and lines.

const LEDGER_KINDS = ["TOP_UP", "PURCHASE", "REFUND", "FORFEIT", "ADJUSTMENT"] as const satisfies readonly LedgerEntryKind[];
const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export interface Period {
  /** Start of the first Almaty day (inclusive). */
  from?: Date;
  /** Start of the day after the last one (exclusive). */
  to?: Date;
}

const invalid = () => new DomainError("VALIDATION", "errors.invalidInput");

/** `from` and `to` as Almaty calendar days (YYYY-MM-DD, both included); either may be left out. */
export function parsePeriod(from: string | null, to: string | null): Period {
  const day = (value: string | null, next: boolean) => {
    if (value === null || value === "") return undefined;
    if (!DAY.test(value) || almatyDay(almatyDayStart(value)) !== value) throw invalid();
    const start = almatyDayStart(value);
    return next ? new Date(start.getTime() + 86_400_000) : start;
  };
  const period = { from: day(from, false), to: day(to, true) };
  if (period.from && period.to && period.from >= period.to)
    throw new DomainError("VALIDATION", "errors.billing.dateRangeInvalid");
  return period;
}

/** `kind=PURCHASE,REFUND` (or repeated): known ledger kinds only; none means all. */
export function parseKinds(values: string[]): LedgerEntryKind[] {
  const kinds = values.flatMap((value) => value.split(",")).filter((value) => value !== "");
  for (const kind of kinds) if (!(LEDGER_KINDS as readonly string[]).includes(kind)) throw invalid();
  return [...new Set(kinds)] as LedgerEntryKind[];
}

/** An instant as Almaty wall-clock time, "2026-06-15 10:00:00". */
export const dateTime = (at: Date) => new Date(at.getTime() + 5 * 3_600_000).toISOString().slice(0, 19).replace("T", " ");

export const LEDGER_CSV_HEADER = {
  ru: ["№ записи", "Дата и время (Алматы)", "Вид", "Сумма, тенге", "Баланс после, тенге", "Заказ", "Основание"],
  kk: ["Жазба №", "Күні мен уақыты (Алматы)", "Түрі", "Сомасы, теңге", "Кейінгі баланс, теңге", "Тапсырыс", "Негіздеме"],
} as const;

/**
 * The organisation's ledger entries, newest first, a page at a time, for a member of the
 * organisation or finance (anyone else is told the organisation does not exist).
 */
export async function ledgerCsv(
  actor: Actor,
  organizationId: number,
  filter: Period & { kinds: LedgerEntryKind[] },
): Promise<AsyncIterable<CsvCell[][]>> {
  await requireDocumentReader(actor, organizationId);
  if (!(await db.organization.findUnique({ where: { id: organizationId }, select: { id: true } }))) {
    throw new DomainError("NOT_FOUND", "errors.billing.documentNotFound");
  }
  return (async function* () {
    let beforeId: number | undefined;
    do {
      const { entries, nextBeforeId } = await listLedgerEntries({ organizationId, ...filter, beforeId, limit: 100 });
      yield entries.map((entry): CsvCell[] => [
        entry.id,
        dateTime(entry.createdAt),
        entry.kind,
        { tiyn: entry.amountTiyn },
        { tiyn: entry.balanceAfterTiyn },
        entry.order?.number ?? null,
        entry.reason,
      ]);
      beforeId = nextBeforeId ?? undefined;
    } while (beforeId !== undefined);
  })();
}

export const ESF_CSV_HEADER = [
  "Номер акта",
  "Дата акта",
  "Номер заказа",
  "Покупатель",
  "БИН/ИИН покупателя",
  "Адрес покупателя",
  "Наименование",
  "Ед. изм.",
  "Количество",
  "Цена за ед. без НДС, тенге",
  "Стоимость без НДС, тенге",
  "Ставка НДС, %",
  "Сумма НДС, тенге",
  "Стоимость с НДС, тенге",
] as const;

const roundDiv = (a: bigint, b: bigint) => (a * 2n + b) / (2n * b);

/** One row per line of every act issued in the period, oldest first, for finance staff. */
export async function esfCsv(actor: Actor, period: Period): Promise<AsyncIterable<CsvCell[][]>> {
  if (actor.userId === null) throw new AccessDeniedError("UNAUTHORIZED", "errors.unauthorized");
  await requireFinance(actor);
  return (async function* () {
    let afterId = 0;
    for (;;) {
      const acts = await db.act.findMany({
        where: {
          id: { gt: afterId },
          ...(period.from || period.to
            ? { issuedAt: { ...(period.from ? { gte: period.from } : {}), ...(period.to ? { lt: period.to } : {}) } }
            : {}),
        },
        orderBy: { id: "asc" },
        take: 100,
        select: {
          id: true,
          number: true,
          issuedAt: true,
          order: {
            select: {
              number: true,
              invoice: { select: { buyer: true } },
              organization: {
                select: { legalName: true, bin: true, iin: true, address: true, city: { select: { nameRu: true } } },
              },
              lines: {
                orderBy: { id: "asc" },
                select: {
                  quantity: true,
                  amountTiyn: true,
                  vatRate: true,
                  vatTiyn: true,
                  product: { select: { nameRu: true } },
                },
              },
            },
          },
        },
      });
      if (acts.length === 0) return;
      afterId = acts[acts.length - 1]!.id;
      yield acts.flatMap((act) => {
        const org = act.order.organization;
        const buyer = buyerOf(act.order.invoice?.buyer) ?? {
          name: org.legalName,
          bin: org.bin ?? org.iin,
          address: [org.city?.nameRu, org.address].filter(Boolean).join(", ") || null,
        };
        return act.order.lines.map((line): CsvCell[] => {
          const gross = line.amountTiyn ?? 0n;
          const vat = line.vatTiyn ?? 0n;
          const net = gross - vat;
          return [
            act.number,
            almatyDay(act.issuedAt),
            act.order.number,
            buyer.name,
            buyer.bin,
            buyer.address,
            line.product.nameRu,
            "услуга",
            line.quantity,
            { tiyn: roundDiv(net, BigInt(line.quantity)) },
            { tiyn: net },
            line.vatRate === null ? null : String(line.vatRate / 100),
            { tiyn: vat },
            { tiyn: gross },
          ];
        });
      });
    }
  })();
}

/** The buyer as snapshotted on the order's invoice, when it was paid by invoice. */
function buyerOf(value: unknown): { name: string; bin: string | null; address: string | null } | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as Record<string, unknown>;
  const str = (key: string) => (typeof v[key] === "string" && v[key] !== "" ? (v[key] as string) : null);
  const name = str("legalName");
  if (!name) return null;
  return { name, bin: str("bin") ?? str("iin"), address: [str("city"), str("address")].filter(Boolean).join(", ") || null };
}
