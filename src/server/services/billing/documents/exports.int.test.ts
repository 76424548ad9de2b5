import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { almatyDay } from "@/lib/almaty-time";
import { dynamicTranslator } from "@/i18n/translator";
import { makeBin } from "@/lib/kz-identifiers";
import { db } from "@/server/db";
import type { SessionUser } from "@/server/services/auth/sessions";

import {
  createBillingProduct,
  createBuyer,
  createUser,
  creditBalance,
  signedIn,
  signedInStaff,
} from "../../../../../test/support/factories";
import { addCartLine } from "../change-cart";
import { checkout } from "../checkout";
import { postEntry } from "../ledger";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/server/auth/current-user", () => ({ getCurrentUser: async () => session.user }));

const { GET: ledgerGet } = await import("@/app/api/billing/ledger/[orgId]/csv/route");
const { GET: esfGet } = await import("@/app/api/admin/finance/esf.csv/route");

const APP = "http://localhost:3000";
const now = new Date("2026-06-15T10:00:00+05:00");
type Buyer = Awaited<ReturnType<typeof createBuyer>>;
let buyer: Buyer;
let buyerBin: string;
let orderNumber: string;
let actNumber: string;
let productName: string;
let users: { finance: number; superadmin: number; outsider: number; seeker: number };

beforeAll(async () => {
  buyer = await createBuyer();
  buyerBin = makeBin({ year: 2018, month: 7 }, 777);
  await db.organization.update({
    where: { id: buyer.organizationId },
    data: { legalName: "=ТОО «Формула»", bin: buyerBin, address: "пр. Назарбаева, 5; офис 2" },
  });
  const finance = await createUser({ isSeeker: false, staffRole: "FINANCE" });
  await creditBalance(buyer.organizationId, 20_000_000n);
  await db.$transaction((tx) =>
    postEntry(tx, {
      organizationId: buyer.organizationId,
      kind: "ADJUSTMENT",
      amountTiyn: 100n,
      reason: '=HYPERLINK("http://evil";"x")',
      createdById: finance.id,
    }),
  );
  const product = await createBillingProduct({ kind: "VACANCY_PUBLICATION", priceTiyn: 5_800_000n });
  productName = `Товар ${product.code}`;
  await addCartLine({ organizationId: buyer.organizationId, actor: buyer.owner, now, productCode: product.code, quantity: 3 });
  const { orderId } = await checkout({ organizationId: buyer.organizationId, method: "BALANCE", actor: buyer.owner, now });
  const order = await db.order.findUniqueOrThrow({
    where: { id: orderId },
    select: { number: true, act: { select: { number: true } } },
  });
  orderNumber = order.number!;
  actNumber = order.act!.number;
  users = {
    finance: finance.id,
    superadmin: (await createUser({ isSeeker: false, staffRole: "SUPERADMIN" })).id,
    outsider: (await createBuyer()).owner.userId,
    seeker: (await createUser()).id,
  };
});

beforeEach(() => {
  session.user = null;
});

async function signIn(userId: number | null, secondFactor = true) {
  const staff = userId === users.finance || userId === users.superadmin;
  session.user = userId === null ? null : staff && secondFactor ? await signedInStaff(userId) : await signedIn(userId);
}
async function ledger(userId: number | null, query = "", orgId = buyer.organizationId, secondFactor = true) {
  await signIn(userId, secondFactor);
  return ledgerGet(new Request(`${APP}/api/billing/ledger/${orgId}/csv${query}`), {
    params: Promise.resolve({ orgId: String(orgId) }),
  });
}
async function esf(userId: number | null, query = "", secondFactor = true) {
  await signIn(userId, secondFactor);
  return esfGet(new Request(`${APP}/api/admin/finance/esf.csv${query}`));
}

async function csvLines(response: Response): Promise<string[]> {
  expect(response.status).toBe(200);
  expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
  expect(response.headers.get("Cache-Control")).toBe("private, no-store");
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return new TextDecoder()
    .decode(bytes)
    .split("\r\n")
    .filter((line) => line !== "");
}

describe("ledger CSV", () => {
  it("lists every entry newest first with amounts, order numbers and formula-safe reasons", async () => {
    const lines = await csvLines(await ledger(buyer.observer.userId));
    expect(lines[0]).toBe("№ записи;Дата и время (Алматы);Вид;Сумма, тенге;Баланс после, тенге;Заказ;Основание");
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(
      new RegExp(`^\\d+;\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d;PURCHASE;-174000,00;26001,00;${orderNumber};`),
    );
    expect(lines[2]).toMatch(/;ADJUSTMENT;1,00;200001,00;;"'=HYPERLINK\(""http:\/\/evil"";""x""\)"$/);
    expect(lines[3]).toMatch(/;ADJUSTMENT;200000,00;200000,00;;Тестовое пополнение$/);
  });

  it("filters by kind and period and speaks Kazakh on ?lang=kk", async () => {
    const purchases = await csvLines(await ledger(users.finance, "?kind=PURCHASE&lang=kk"));
    expect(purchases[0]).toMatch(/^Жазба №;/);
    expect(purchases.slice(1).map((line) => line.split(";")[2])).toEqual(["PURCHASE"]);
    const both = await csvLines(await ledger(users.finance, "?kind=PURCHASE,ADJUSTMENT"));
    expect(both).toHaveLength(4);
    // Entries carry the database's clock: today in Almaty holds all three, yesterday none.
    const today = almatyDay(new Date());
    const yesterday = almatyDay(new Date(Date.now() - 86_400_000));
    const day = await csvLines(await ledger(buyer.owner.userId, `?from=${today}&to=${today}`));
    expect(day).toHaveLength(4);
    const before = await csvLines(await ledger(buyer.owner.userId, `?to=${yesterday}`));
    expect(before).toHaveLength(1);
  });

  it("refuses bad filters with 400", async () => {
    for (const query of [
      "?kind=GIFT",
      "?from=2026-13-01",
      "?from=2026-02-30",
      "?to=yesterday",
      "?from=2026-06-16&to=2026-06-15",
    ]) {
      const response = await ledger(buyer.owner.userId, query);
      expect(response.status, query).toBe(400);
      await response.body?.cancel();
    }
  });

  it("answers members and finance staff, 404 to others and for unknown organisations, 401 to guests", async () => {
    const statuses: Record<string, number> = {};
    for (const [name, userId] of Object.entries({
      guest: null,
      owner: buyer.owner.userId,
      manager: buyer.manager.userId,
      observer: buyer.observer.userId,
      finance: users.finance,
      superadmin: users.superadmin,
      outsider: users.outsider,
      seeker: users.seeker,
    })) {
      const response = await ledger(userId, "");
      await response.body?.cancel();
      statuses[name] = response.status;
    }
    expect(statuses).toEqual({
      guest: 401,
      owner: 200,
      manager: 200,
      observer: 200,
      finance: 200,
      superadmin: 200,
      outsider: 404,
      seeker: 404,
    });
    const unknown = await ledger(users.finance, "", 999_999_999);
    expect(unknown.status).toBe(404);
    await unknown.body?.cancel();
  });

  it("is refused to finance staff before their second factor, with the reason", async () => {
    const response = await ledger(users.finance, "?lang=kk", buyer.organizationId, false);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      error: { message: dynamicTranslator("kk").t("errors.staffTotp.secondFactorRequired") },
    });
  });
});

describe("ESF CSV", () => {
  it("gives finance each act's buyer and lines with prices without VAT, VAT rate and amounts", async () => {
    const lines = await csvLines(await esf(users.finance, "?from=2026-06-15&to=2026-06-15"));
    expect(lines[0]).toBe(
      "Номер акта;Дата акта;Номер заказа;Покупатель;БИН/ИИН покупателя;Адрес покупателя;Наименование;Ед. изм.;Количество;Цена за ед. без НДС, тенге;Стоимость без НДС, тенге;Ставка НДС, %;Сумма НДС, тенге;Стоимость с НДС, тенге",
    );
    const row = lines.find((line) => line.startsWith(`${actNumber};`));
    // 174 000 with VAT: 174 000 × 16 / 116 = 24 000 VAT, 150 000 without, 50 000 a unit.
    expect(row).toBe(
      `${actNumber};2026-06-15;${orderNumber};'=ТОО «Формула»;${buyerBin};"пр. Назарбаева, 5; офис 2";` +
        `${productName};услуга;3;50000,00;150000,00;16;24000,00;174000,00`,
    );
  });

  it("leaves out acts outside the period", async () => {
    const lines = await csvLines(await esf(users.superadmin, "?from=2026-06-16"));
    expect(lines.some((line) => line.startsWith(`${actNumber};`))).toBe(false);
  });

  it("is for finance staff only", async () => {
    const statuses: Record<string, number> = {};
    for (const [name, userId] of Object.entries({
      guest: null,
      owner: buyer.owner.userId,
      seeker: users.seeker,
      superadmin: users.superadmin,
    })) {
      const response = await esf(userId);
      await response.body?.cancel();
      statuses[name] = response.status;
    }
    expect(statuses).toEqual({ guest: 401, owner: 403, seeker: 403, superadmin: 200 });
  });

  it("refuses finance staff whose session has not passed the second factor", async () => {
    const response = await esf(users.finance, "", false);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: { message: "Подтвердите вход кодом из приложения-аутентификатора." } });
  });
});
