import { PDFParse } from "pdf-parse";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

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

import { DEMO_SELLER, resetSellerForTests } from "./seller";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/server/auth/current-user", () => ({ getCurrentUser: async () => session.user }));

const { GET: invoiceGet } = await import("@/app/api/billing/invoices/[id]/pdf/route");
const { GET: actGet } = await import("@/app/api/billing/acts/[id]/pdf/route");

const APP = "http://localhost:3000";
const now = new Date("2026-06-15T10:00:00+05:00");

type Buyer = Awaited<ReturnType<typeof createBuyer>>;
let buyer: Buyer;
let buyerBin: string;
let invoice: { id: number; number: string; orderNumber: string };
let act: { id: number; number: string; orderNumber: string };
let foreignInvoiceId: number;
let users: { outsider: number; seeker: number; finance: number; superadmin: number; moderator: number };

/** One order of `quantity` × the product, by invoice (an invoice) or from the balance (an act). */
async function buy(who: Buyer, productCode: string, method: "INVOICE" | "BALANCE") {
  await addCartLine({ organizationId: who.organizationId, actor: who.owner, now, productCode, quantity: 1 });
  const { orderId } = await checkout({ organizationId: who.organizationId, method, actor: who.owner, now });
  return db.order.findUniqueOrThrow({
    where: { id: orderId },
    select: { number: true, invoice: { select: { id: true, number: true } }, act: { select: { id: true, number: true } } },
  });
}

beforeAll(async () => {
  buyer = await createBuyer();
  buyerBin = makeBin({ year: 2015, month: 3 }, 4242);
  await db.organization.update({
    where: { id: buyer.organizationId },
    data: { legalName: "ТОО «Құрылыс Сервис»", bin: buyerBin, address: "ул. Сейфуллина, 10" },
  });
  const product = await createBillingProduct({ kind: "VACANCY_PUBLICATION", priceTiyn: 12_000_000n });
  const byInvoice = await buy(buyer, product.code, "INVOICE");
  invoice = { ...byInvoice.invoice!, orderNumber: byInvoice.number! };
  await creditBalance(buyer.organizationId, 12_000_000n);
  const byBalance = await buy(buyer, product.code, "BALANCE");
  act = { ...byBalance.act!, orderNumber: byBalance.number! };

  const foreign = await createBuyer();
  foreignInvoiceId = (await buy(foreign, product.code, "INVOICE")).invoice!.id;
  users = {
    outsider: foreign.owner.userId,
    seeker: (await createUser({ isSeeker: true })).id,
    finance: (await createUser({ isSeeker: false, staffRole: "FINANCE" })).id,
    superadmin: (await createUser({ isSeeker: false, staffRole: "SUPERADMIN" })).id,
    moderator: (await createUser({ isSeeker: false, staffRole: "MODERATOR" })).id,
  };
});

beforeEach(() => {
  session.user = null;
});

async function get(kind: "invoices" | "acts", id: number | string, userId: number | null, query = "", secondFactor = true) {
  const staff = userId === users.finance || userId === users.superadmin || userId === users.moderator;
  session.user = userId === null ? null : staff && secondFactor ? await signedInStaff(userId) : await signedIn(userId);
  const handler = kind === "invoices" ? invoiceGet : actGet;
  return handler(new Request(`${APP}/api/billing/${kind}/${id}/pdf${query}`), { params: Promise.resolve({ id: String(id) }) });
}

async function pdfText(response: Response): Promise<string> {
  expect(response.status).toBe(200);
  expect(response.headers.get("Content-Type")).toBe("application/pdf");
  const data = new Uint8Array(await response.arrayBuffer());
  expect(new TextDecoder().decode(data.slice(0, 5))).toBe("%PDF-");
  const parser = new PDFParse({ data });
  try {
    return (await parser.getText()).text.replace(/\s+/g, " ");
  } finally {
    await parser.destroy();
  }
}

describe("invoice PDF", () => {
  it("carries the number, both parties' requisites, the lines, VAT and the total in words (ru)", async () => {
    const response = await get("invoices", invoice.id, buyer.observer.userId);
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    expect(response.headers.get("Content-Disposition")).toBe(
      `attachment; filename="invoice-${invoice.number.slice(3)}.pdf"; filename*=UTF-8''${encodeURIComponent(`${invoice.number}.pdf`)}`,
    );
    expect(invoice.number).toMatch(/^СЧ-/);
    const text = await pdfText(response);
    expect(text).toContain("Счёт на оплату");
    expect(text).toContain(`№ ${invoice.number} от 15.06.2026`);
    expect(text).toContain(DEMO_SELLER.bin);
    expect(text).toContain(DEMO_SELLER.iban);
    expect(text).toContain(DEMO_SELLER.bik);
    expect(text).toContain(`Код назначения платежа: ${DEMO_SELLER.knp}`);
    expect(text).toContain("ТОО «Құрылыс Сервис»");
    expect(text).toContain(`БИН ${buyerBin}`);
    expect(text).toContain(invoice.orderNumber);
    expect(text).toContain("Итого: 120 000,00");
    // 120 000 × 16 / 116 = 16 551,72 (the rate comes from the order line).
    expect(text).toContain("В том числе НДС 16%: 16 551,72");
    expect(text).toContain("Всего к оплате: Сто двадцать тысяч тенге 00 тиын");
  });

  it("is written in Kazakh on ?lang=kk", async () => {
    const text = await pdfText(await get("invoices", invoice.id, buyer.owner.userId, "?lang=kk"));
    expect(text).toContain("Төлем шоты");
    expect(text).toContain(`БСН ${buyerBin}`);
    expect(text).toContain("Оның ішінде ҚҚС 16%: 16 551,72");
    expect(text).toContain("Барлығы төлеуге: Жүз жиырма мың теңге 00 тиын");
    expect(text).not.toContain("Счёт на оплату");
  });

  it("keeps the buyer as it was when the invoice was issued", async () => {
    await db.organization.update({ where: { id: buyer.organizationId }, data: { legalName: "ТОО «Новое имя»" } });
    try {
      const text = await pdfText(await get("invoices", invoice.id, buyer.owner.userId));
      expect(text).toContain("ТОО «Құрылыс Сервис»");
      expect(text).not.toContain("Новое имя");
    } finally {
      await db.organization.update({ where: { id: buyer.organizationId }, data: { legalName: "ТОО «Құрылыс Сервис»" } });
    }
  });
});

describe("act PDF", () => {
  it("follows form Р-1: parties, the order it is based on, dated services, VAT, total in words, signatures", async () => {
    const response = await get("acts", act.id, buyer.manager.userId);
    expect(act.number).toMatch(/^АВР-/);
    expect(response.headers.get("Content-Disposition")).toContain(`filename*=UTF-8''${encodeURIComponent(`${act.number}.pdf`)}`);
    const text = await pdfText(response);
    expect(text).toContain("Акт выполненных работ (оказанных услуг)");
    expect(text).toContain(`№ ${act.number} от 15.06.2026`);
    expect(text).toContain(`Заказчик: ТОО «Құрылыс Сервис», БИН ${buyerBin}`);
    expect(text).toContain(`Исполнитель: ${DEMO_SELLER.name}, БИН ${DEMO_SELLER.bin}`);
    expect(text).toContain(`заказ № ${act.orderNumber} от 15.06.2026`);
    expect(text).toContain("В том числе НДС 16%: 16 551,72");
    expect(text).toContain("Всего на сумму: Сто двадцать тысяч тенге 00 тиын");
    expect(text).toContain("Сдал (Исполнитель)");
    expect(text).toContain("Принял (Заказчик)");
  });

  it("is written in Kazakh on ?lang=kk", async () => {
    const text = await pdfText(await get("acts", act.id, users.finance, "?lang=kk"));
    expect(text).toContain("Орындалған жұмыстар (көрсетілген қызметтер) актісі");
    expect(text).toContain("Барлық сомасы: Жүз жиырма мың теңге 00 тиын");
    expect(text).toContain("Қабылдады (Тапсырыс беруші)");
  });
});

describe("seller requisites", () => {
  it("prints the configured seller, and in production without one answers 503 with a translated message", async () => {
    const configured = {
      SELLER_NAME: "ТОО «Jumys Kazakhstan»",
      SELLER_BIN: makeBin({ year: 2024, month: 2 }, 1),
      SELLER_ADDRESS: "Астана, Мәңгілік Ел, 55",
      SELLER_IBAN: "KZ24601A871000000001",
      SELLER_BANK_NAME: "АО «Народный Банк Казахстана»",
      SELLER_BIK: "HSBKKZKX",
      SELLER_KBE: "17",
      SELLER_KNP: "859",
    };
    try {
      for (const [key, value] of Object.entries(configured)) vi.stubEnv(key, value);
      resetSellerForTests();
      const text = await pdfText(await get("invoices", invoice.id, buyer.owner.userId));
      expect(text).toContain(`ТОО «Jumys Kazakhstan», БИН ${configured.SELLER_BIN}`);
      expect(text).not.toContain(DEMO_SELLER.name);

      vi.unstubAllEnvs();
      vi.stubEnv("NODE_ENV", "production");
      resetSellerForTests();
      const response = await get("acts", act.id, buyer.owner.userId, "?lang=kk");
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({
        error: { message: "Құжаттарға арналған сатушы деректемелері бапталмаған. Қолдау қызметіне жазыңыз." },
      });
    } finally {
      vi.unstubAllEnvs();
      resetSellerForTests();
    }
  });
});

describe("who may download", () => {
  it("answers members and finance staff, 404 to everyone else and 401 to guests", async () => {
    for (const kind of ["invoices", "acts"] as const) {
      const id = kind === "invoices" ? invoice.id : act.id;
      const statuses: Record<string, number> = {};
      const callers: Record<string, number | null> = {
        guest: null,
        owner: buyer.owner.userId,
        manager: buyer.manager.userId,
        observer: buyer.observer.userId,
        finance: users.finance,
        superadmin: users.superadmin,
        moderator: users.moderator,
        outsider: users.outsider,
        seeker: users.seeker,
      };
      for (const [name, userId] of Object.entries(callers)) {
        const response = await get(kind, id, userId);
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
        moderator: 404,
        outsider: 404,
        seeker: 404,
      });
    }
  });

  it("is refused to finance staff before their second factor, with the reason", async () => {
    for (const kind of ["invoices", "acts"] as const) {
      const response = await get(kind, kind === "invoices" ? invoice.id : act.id, users.finance, "", false);
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({
        error: { message: dynamicTranslator("ru").t("errors.staffTotp.secondFactorRequired") },
      });
    }
  });

  it("refuses another organisation's invoice and unknown or malformed ids with 404 and a translated message", async () => {
    const foreign = await get("invoices", foreignInvoiceId, buyer.owner.userId);
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toEqual({ error: { message: "Документ не найден." } });
    const unknown = await get("acts", 2_000_000_000 - 1, users.finance, "?lang=kk");
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: { message: "Құжат табылмады." } });
    for (const id of ["abc", "0", "-1", "1.5", "99999999999999"]) {
      const response = await get("invoices", id, users.finance);
      expect(response.status, id).toBe(404);
      await response.body?.cancel();
    }
  });
});
