import { describe, expect, it } from "vitest";

import { SYSTEM_ACTOR } from "@/server/audit";
import { db } from "@/server/db";
import { isDomainError } from "@/server/errors";

import { createBuyer, createOrganization, createUser, creditBalance, grantEntitlement } from "../../../../test/support/factories";

import { addCartLine } from "./change-cart";
import { checkout } from "./checkout";
import { lockBillingAccount, postEntry } from "./ledger";
import { balanceOf, listLedgerEntries } from "./ledger-queries";
import { recordPayment } from "./record-payment";

const now = new Date("2026-06-15T10:00:00+05:00");

async function sumOfEntries(organizationId: number): Promise<bigint> {
  const agg = await db.ledgerEntry.aggregate({ where: { organizationId }, _sum: { amountTiyn: true } });
  return agg._sum.amountTiyn ?? 0n;
}

async function entries(organizationId: number) {
  return db.ledgerEntry.findMany({ where: { organizationId }, orderBy: { id: "asc" } });
}

describe("the ledger in the database", () => {
  it("refuses UPDATE, DELETE and TRUNCATE of its entries", async () => {
    const org = await createOrganization("EMPLOYER");
    const entry = await creditBalance(org.id, 5_000n);
    await expect(db.$executeRaw`UPDATE ledger_entries SET amount_tiyn = 1 WHERE id = ${entry.id}`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`UPDATE ledger_entries SET reason = 'исправлено' WHERE id = ${entry.id}`).rejects.toThrow(
      /append-only/,
    );
    await expect(db.$executeRaw`DELETE FROM ledger_entries WHERE id = ${entry.id}`).rejects.toThrow(/append-only/);
    await expect(db.ledgerEntry.deleteMany({ where: { id: entry.id } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe("TRUNCATE ledger_entries")).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe("TRUNCATE billing_accounts CASCADE")).rejects.toThrow(/append-only/);
    expect(await db.ledgerEntry.findUnique({ where: { id: entry.id }, select: { amountTiyn: true, reason: true } })).toEqual({
      amountTiyn: 5_000n,
      reason: "Тестовое пополнение",
    });
    expect(await balanceOf(org.id)).toBe(5_000n);
  });

  it("moves the balance only through entries", async () => {
    const org = await createOrganization("EMPLOYER");
    await creditBalance(org.id, 700n);
    await expect(
      db.$executeRaw`UPDATE billing_accounts SET balance_tiyn = 1000000 WHERE organization_id = ${org.id}`,
    ).rejects.toThrow(/only through ledger entries/);
    const other = await createOrganization("EMPLOYER");
    await expect(
      db.$executeRaw`INSERT INTO billing_accounts (organization_id, balance_tiyn) VALUES (${other.id}, 5)`,
    ).rejects.toThrow(/zero balance/);
    // Columns other than the balance may change.
    await db.$executeRaw`UPDATE billing_accounts SET updated_at = now() WHERE organization_id = ${org.id}`;
    expect(await balanceOf(org.id)).toBe(700n);
  });

  it("refuses an entry whose balance_after disagrees with the account", async () => {
    const org = await createOrganization("EMPLOYER");
    const finance = await createUser({ isSeeker: false, staffRole: "FINANCE" });
    await creditBalance(org.id, 1_000n);
    await expect(
      db.ledgerEntry.create({
        data: {
          organizationId: org.id,
          kind: "ADJUSTMENT",
          amountTiyn: 500n,
          balanceAfterTiyn: 500n,
          reason: "ошибка",
          createdById: finance.id,
        },
      }),
    ).rejects.toThrow(/disagrees with the account balance/);
    expect(await balanceOf(org.id)).toBe(1_000n);
    expect(await entries(org.id)).toHaveLength(1);
  });

  it("refuses a negative balance even when the caller does not check", async () => {
    const org = await createOrganization("EMPLOYER");
    const finance = await createUser({ isSeeker: false, staffRole: "FINANCE" });
    await creditBalance(org.id, 100n);
    await expect(
      db.ledgerEntry.create({
        data: {
          organizationId: org.id,
          kind: "ADJUSTMENT",
          amountTiyn: -101n,
          balanceAfterTiyn: -1n,
          reason: "минус",
          createdById: finance.id,
        },
      }),
    ).rejects.toThrow(/billing_accounts_balance_tiyn_check/);
    expect(await balanceOf(org.id)).toBe(100n);
  });

  it("requires every kind to name its cause and move money its own way", async () => {
    const org = await createOrganization("EMPLOYER");
    const finance = await createUser({ isSeeker: false, staffRole: "FINANCE" });
    await creditBalance(org.id, 10_000n);
    const attempt = (data: {
      kind: "TOP_UP" | "PURCHASE" | "REFUND" | "FORFEIT" | "ADJUSTMENT";
      amountTiyn: bigint;
      reason?: string;
      createdById?: number;
      entitlementId?: number;
    }) =>
      db.$transaction(async (tx) => {
        const balance = await lockBillingAccount(tx, org.id);
        await tx.ledgerEntry.create({ data: { organizationId: org.id, balanceAfterTiyn: balance + data.amountTiyn, ...data } });
      });
    const refused = /ledger_entries_kind_check/;
    await expect(attempt({ kind: "TOP_UP", amountTiyn: 100n })).rejects.toThrow(refused); // no payment
    await expect(attempt({ kind: "PURCHASE", amountTiyn: -100n })).rejects.toThrow(refused); // no order
    await expect(attempt({ kind: "REFUND", amountTiyn: -100n })).rejects.toThrow(refused); // no refund
    await expect(attempt({ kind: "FORFEIT", amountTiyn: 0n })).rejects.toThrow(refused); // no entitlement
    await expect(attempt({ kind: "ADJUSTMENT", amountTiyn: 100n, createdById: finance.id })).rejects.toThrow(refused); // no reason
    await expect(attempt({ kind: "ADJUSTMENT", amountTiyn: 100n, reason: "   ", createdById: finance.id })).rejects.toThrow(
      refused,
    );
    await expect(attempt({ kind: "ADJUSTMENT", amountTiyn: 100n, reason: "бонус" })).rejects.toThrow(refused); // no actor
    await expect(attempt({ kind: "ADJUSTMENT", amountTiyn: 0n, reason: "ноль", createdById: finance.id })).rejects.toThrow(
      refused,
    );

    const entitlement = await grantEntitlement({
      organizationId: org.id,
      productCode: "vacancy.standard",
      unitsTotal: 1,
      validFrom: new Date("2026-02-01T00:00:00Z"),
      validUntil: new Date("2026-03-01T00:00:00Z"),
    });
    await expect(attempt({ kind: "FORFEIT", amountTiyn: 5n, entitlementId: entitlement.id })).rejects.toThrow(refused);
    await attempt({ kind: "FORFEIT", amountTiyn: 0n, entitlementId: entitlement.id });
    // …and only once per entitlement.
    await expect(attempt({ kind: "FORFEIT", amountTiyn: 0n, entitlementId: entitlement.id })).rejects.toThrow(
      /Unique constraint/,
    );
    await attempt({ kind: "ADJUSTMENT", amountTiyn: -100n, reason: "списание", createdById: finance.id });
    expect((await entries(org.id)).map((e) => [e.kind, e.amountTiyn, e.balanceAfterTiyn])).toEqual([
      ["ADJUSTMENT", 10_000n, 10_000n],
      ["FORFEIT", 0n, 10_000n],
      ["ADJUSTMENT", -100n, 9_900n],
    ]);
  });
});

describe("exactly-once guards in the database", () => {
  it("credit a payment once and charge an order once, whatever the caller does", async () => {
    const buyer = await createBuyer();
    await addCartLine({
      organizationId: buyer.organizationId,
      productCode: "vacancy.standard",
      quantity: 1,
      actor: buyer.owner,
      now,
    });
    const order = await checkout({ organizationId: buyer.organizationId, method: "CARD", actor: buyer.owner, now });
    const paid = await recordPayment({
      orderId: order.orderId,
      provider: "FREEDOMPAY",
      providerPaymentId: `fp-${order.orderId}`,
      amountTiyn: order.amountTiyn,
      currency: "KZT",
      paidAt: now,
      actor: SYSTEM_ACTOR,
      now,
    });
    if (paid.outcome !== "ACTIVATED") throw new Error(`unexpected ${paid.outcome}`);
    await creditBalance(buyer.organizationId, 5_000_000n);
    const again = (kind: "TOP_UP" | "PURCHASE", amountTiyn: bigint) =>
      db.$transaction((tx) =>
        postEntry(tx, {
          organizationId: buyer.organizationId,
          kind,
          amountTiyn,
          paymentId: paid.paymentId,
          orderId: order.orderId,
        }),
      );
    await expect(again("TOP_UP", order.amountTiyn)).rejects.toThrow(/Unique constraint/);
    await expect(again("PURCHASE", -order.amountTiyn)).rejects.toThrow(/Unique constraint/);
    expect(await balanceOf(buyer.organizationId)).toBe(5_000_000n);
  });
});

describe("postEntry", () => {
  it("keeps the balance equal to the sum of the entries, each entry carrying the balance after it", async () => {
    const org = await createOrganization("EMPLOYER");
    const finance = await createUser({ isSeeker: false, staffRole: "FINANCE" });
    for (const amount of [1_000n, -300n, 2_500n, -3_200n]) {
      await db.$transaction((tx) =>
        postEntry(tx, {
          organizationId: org.id,
          kind: "ADJUSTMENT",
          amountTiyn: amount,
          reason: "тест",
          createdById: finance.id,
        }),
      );
    }
    expect((await entries(org.id)).map((e) => e.balanceAfterTiyn)).toEqual([1_000n, 700n, 3_200n, 0n]);
    expect(await balanceOf(org.id)).toBe(0n);
    expect(await sumOfEntries(org.id)).toBe(0n);
  });

  it("refuses to take the balance below zero and writes nothing", async () => {
    const org = await createOrganization("EMPLOYER");
    const finance = await createUser({ isSeeker: false, staffRole: "FINANCE" });
    await creditBalance(org.id, 999n);
    const error = await db
      .$transaction((tx) =>
        postEntry(tx, {
          organizationId: org.id,
          kind: "ADJUSTMENT",
          amountTiyn: -1_000n,
          reason: "тест",
          createdById: finance.id,
        }),
      )
      .catch((e: unknown) => e);
    expect(isDomainError(error) && error.messageKey).toBe("errors.billing.balanceShort");
    expect(await entries(org.id)).toHaveLength(1);
    expect(await balanceOf(org.id)).toBe(999n);
  });

  it("starts an organisation without an account at zero", async () => {
    const org = await createOrganization("EMPLOYER");
    expect(await balanceOf(org.id)).toBe(0n);
    expect(await db.billingAccount.count({ where: { organizationId: org.id } })).toBe(0);
  });
});

describe("listLedgerEntries", () => {
  it("lists newest first, filters by kind and time, and pages by id", async () => {
    const org = await createOrganization("EMPLOYER");
    const finance = await createUser({ isSeeker: false, staffRole: "FINANCE" });
    const ids: number[] = [];
    for (let i = 1; i <= 5; i++) {
      const entry = await db.$transaction((tx) =>
        postEntry(tx, {
          organizationId: org.id,
          kind: "ADJUSTMENT",
          amountTiyn: BigInt(i * 100),
          reason: `№${i}`,
          createdById: finance.id,
        }),
      );
      ids.push(entry.id);
    }
    const entitlement = await grantEntitlement({
      organizationId: org.id,
      productCode: "vacancy.premium",
      unitsTotal: 2,
      validFrom: new Date("2026-02-01T00:00:00Z"),
      validUntil: new Date("2026-03-01T00:00:00Z"),
    });
    const forfeit = await db.$transaction((tx) =>
      postEntry(tx, { organizationId: org.id, kind: "FORFEIT", amountTiyn: 0n, entitlementId: entitlement.id }),
    );
    const other = await createOrganization("EMPLOYER");
    await creditBalance(other.id, 1n);

    const first = await listLedgerEntries({ organizationId: org.id, limit: 4 });
    expect(first.entries.map((e) => e.id)).toEqual([forfeit.id, ids[4], ids[3], ids[2]]);
    const second = await listLedgerEntries({ organizationId: org.id, limit: 4, beforeId: first.nextBeforeId ?? undefined });
    expect(second.entries.map((e) => e.id)).toEqual([ids[1], ids[0]]);
    expect(second.nextBeforeId).toBeNull();

    expect((await listLedgerEntries({ organizationId: org.id, kinds: ["FORFEIT"] })).entries.map((e) => e.id)).toEqual([
      forfeit.id,
    ]);

    const times = await db.ledgerEntry.findMany({
      where: { id: { in: [ids[0]!, forfeit.id] } },
      orderBy: { id: "asc" },
      select: { createdAt: true },
    });
    const [start, end] = [times[0]!.createdAt, new Date(times[1]!.createdAt.getTime() + 1)];
    const inWindow = await listLedgerEntries({ organizationId: org.id, kinds: ["ADJUSTMENT"], from: start, to: end });
    expect(inWindow.entries.map((e) => e.id)).toEqual([...ids].reverse());
    expect((await listLedgerEntries({ organizationId: org.id, from: end })).entries).toEqual([]);
    expect((await listLedgerEntries({ organizationId: org.id, to: start })).entries).toEqual([]);

    await expect(
      listLedgerEntries({ organizationId: org.id, from: new Date("2026-05-01"), to: new Date("2026-04-01") }),
    ).rejects.toMatchObject({
      messageKey: "errors.billing.dateRangeInvalid",
    });
    await expect(listLedgerEntries({ organizationId: org.id, limit: 1000 })).rejects.toMatchObject({
      messageKey: "errors.invalidInput",
    });
  });
});
