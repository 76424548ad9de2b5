import { randomBytes } from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/server/db";
import { DomainError } from "@/server/errors";

import {
  createBillingProduct,
  createBuyer,
  createUser,
  creditBalance,
  grantEntitlement,
} from "../../../../test/support/factories";
import { requestOrganizationDeletion } from "../organizations/manage-organization";
import { getPublicOrganization } from "../organizations/public-organization";
import { refreshVacancySearch } from "../search/search-index";

import { decideDeletionRequest, listDeletionRequests } from "./organization-deletions";
import { staffQueues } from "./queues";

const DAY = 86_400_000;
const unique = () => randomBytes(4).toString("hex");
let cityId: number;
let superadmin: { userId: number; ip: string };

beforeAll(async () => {
  const region = await db.region.create({ data: { slug: `region-${unique()}`, nameRu: "Область", nameKk: "Облыс" } });
  cityId = (await db.city.create({ data: { regionId: region.id, slug: `city-${unique()}`, nameRu: "Город", nameKk: "Қала" } }))
    .id;
  superadmin = { userId: (await createUser({ staffRole: "SUPERADMIN", isSeeker: false })).id, ip: "203.0.113.9" };
});

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => "resolved",
    (e: unknown) => (e instanceof DomainError ? `${e.code} ${e.messageKey}` : String(e)),
  );

/** An employer that asked to be deleted, with a published vacancy, an application and a complaint. */
async function requestingEmployer() {
  const buyer = await createBuyer("EMPLOYER");
  const id = buyer.organizationId;
  await db.organization.update({
    where: { id },
    data: { bin: null, description: "<p>О компании</p>", website: "https://example.kz", phone: "+77010000000" },
  });
  const vacancy = await db.vacancy.create({
    data: {
      organizationId: id,
      cityId,
      title: "Водитель категории C",
      slug: "voditel",
      description: "<p>Перевозки.</p>",
      status: "PUBLISHED",
      publishedAt: new Date(Date.now() - DAY),
      expiresAt: new Date(Date.now() + 29 * DAY),
    },
    select: { id: true },
  });
  await refreshVacancySearch(db, [vacancy.id]);
  const seeker = await createUser();
  const application = await db.application.create({ data: { vacancyId: vacancy.id, seekerId: seeker.id }, select: { id: true } });
  const ticket = await db.ticket.create({
    data: { kind: "COMPLAINT", organizationId: id, message: "Жалоба на компанию" },
    select: { id: true },
  });
  await requestOrganizationDeletion(id, buyer.owner);
  const { displayName } = await db.organization.findUniqueOrThrow({ where: { id }, select: { displayName: true } });
  return {
    ...buyer,
    id,
    displayName,
    vacancyId: vacancy.id,
    applicationId: application.id,
    ticketId: ticket.id,
    seekerId: seeker.id,
  };
}

const carryOut = (organizationId: number, confirmation: string) =>
  decideDeletionRequest({ organizationId, decision: "carryOut", confirmation }, superadmin);

describe("organisation deletion requests", () => {
  it("are listed and counted in the superadmin's queue until answered", async () => {
    const before = (await staffQueues("SUPERADMIN")).find((q) => q.key === "deletions")!.count;
    const org = await requestingEmployer();
    const listed = (await listDeletionRequests()).find((r) => r.id === org.id);
    expect(listed).toMatchObject({ displayName: org.displayName, openOrders: 0, balanceTiyn: 0n });
    expect(listed?.counts).toMatchObject({ vacancies: 1, memberships: 3 });
    expect((await staffQueues("SUPERADMIN")).find((q) => q.key === "deletions")!.count).toBe(before + 1);
    expect((await staffQueues("SUPPORT")).some((q) => q.key === "deletions")).toBe(false);
  });

  it("carried out without billing records, remove the organisation and everything of it", async () => {
    const org = await requestingEmployer();
    const result = await carryOut(org.id, `  ${org.displayName.toUpperCase()} `);
    expect(result).toEqual({ organizationId: org.id, outcome: "deleted" });

    expect(await db.organization.count({ where: { id: org.id } })).toBe(0);
    expect(await db.vacancy.count({ where: { id: org.vacancyId } })).toBe(0);
    expect(await db.application.count({ where: { id: org.applicationId } })).toBe(0);
    expect(await db.membership.count({ where: { organizationId: org.id } })).toBe(0);
    const [searchRows] = await db.$queryRaw<
      { n: bigint }[]
    >`SELECT count(*) AS n FROM vacancy_search WHERE vacancy_id = ${org.vacancyId}`;
    expect(searchRows?.n).toBe(0n);
    // The complaint stays in the queue without the organisation; people keep their accounts.
    expect(await db.ticket.findUniqueOrThrow({ where: { id: org.ticketId }, select: { organizationId: true } })).toEqual({
      organizationId: null,
    });
    expect(await db.user.count({ where: { id: { in: [org.owner.userId, org.seekerId] } } })).toBe(2);
    const logged = await db.auditLog.findFirstOrThrow({ where: { action: "organization.delete", entityId: String(org.id) } });
    expect(logged).toMatchObject({ actorId: superadmin.userId });
    expect(logged.data).toMatchObject({ vacancies: 1, members: 3, keptForAccounting: false });
  });

  it("carried out with billing records, keep only the legal name and BIN for the accounting documents", async () => {
    const org = await requestingEmployer();
    await db.organization.update({ where: { id: org.id }, data: { bin: "051140004362" } });
    const product = await createBillingProduct({ kind: "VACANCY_PUBLICATION", priceTiyn: 500_000n });
    await grantEntitlement({
      organizationId: org.id,
      productCode: product.code,
      unitsTotal: 1,
      validFrom: new Date(Date.now() - 10 * DAY),
      validUntil: new Date(Date.now() + 20 * DAY),
    });

    expect(await carryOut(org.id, org.displayName)).toEqual({ organizationId: org.id, outcome: "keptForAccounting" });
    const row = await db.organization.findUniqueOrThrow({ where: { id: org.id } });
    expect(row.deletedAt).not.toBeNull();
    expect(row).toMatchObject({ bin: "051140004362", description: null, website: null, phone: null, email: null, address: null });
    expect(row.legalName).toContain("ТОО");
    expect(await db.order.count({ where: { organizationId: org.id } })).toBe(1);
    expect(await db.vacancy.count({ where: { organizationId: org.id } })).toBe(0);
    expect(await db.membership.count({ where: { organizationId: org.id } })).toBe(0);
    // Gone from the public side, and from the queue.
    expect(await getPublicOrganization(org.id, "company")).toBeNull();
    expect((await listDeletionRequests()).some((r) => r.id === org.id)).toBe(false);
    expect(await failure(carryOut(org.id, org.displayName))).toBe("NOT_FOUND errors.deletion.notFound");
  });

  it("are refused while the balance holds money or an order is in progress, and change nothing", async () => {
    const withMoney = await requestingEmployer();
    await creditBalance(withMoney.id, 100_000n);
    expect(await failure(carryOut(withMoney.id, withMoney.displayName))).toBe("CONFLICT errors.deletion.balance");

    const withOrder = await requestingEmployer();
    await db.order.create({
      data: {
        organizationId: withOrder.id,
        status: "PENDING",
        number: `P-${unique()}`,
        paymentMethod: "INVOICE",
        amountTiyn: 100n,
        vatTiyn: 0n,
        checkedOutAt: new Date(),
      },
    });
    expect(await failure(carryOut(withOrder.id, withOrder.displayName))).toBe("CONFLICT errors.deletion.openOrders");

    for (const org of [withMoney, withOrder]) {
      expect(await db.vacancy.count({ where: { id: org.vacancyId } })).toBe(1);
      expect(await db.membership.count({ where: { organizationId: org.id } })).toBe(3);
      expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).deletedAt).toBeNull();
    }
  });

  it("refuse a wrong confirmation, an organisation that did not ask, and bad input, changing nothing", async () => {
    const org = await requestingEmployer();
    expect(await failure(carryOut(org.id, "Другая компания"))).toBe("VALIDATION errors.deletion.confirmationMismatch");
    const other = await createBuyer("EMPLOYER");
    expect(await failure(carryOut(other.organizationId, "x"))).toBe("CONFLICT errors.deletion.notRequested");
    expect(await failure(carryOut(999_999_999, "x"))).toBe("NOT_FOUND errors.deletion.notFound");
    await expect(decideDeletionRequest({ organizationId: org.id, decision: "decline", note: "" }, superadmin)).rejects.toThrow();
    await expect(decideDeletionRequest({ organizationId: org.id, decision: "erase" }, superadmin)).rejects.toThrow();
    expect(await db.vacancy.count({ where: { id: org.vacancyId } })).toBe(1);
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).deletionRequestedAt).not.toBeNull();
  });

  it("declined, clear the request with the note in the log and keep everything", async () => {
    const org = await requestingEmployer();
    const result = await decideDeletionRequest(
      { organizationId: org.id, decision: "decline", note: "Владелец передумал по телефону." },
      superadmin,
    );
    expect(result).toEqual({ organizationId: org.id, outcome: "declined" });
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).deletionRequestedAt).toBeNull();
    expect(await db.vacancy.count({ where: { id: org.vacancyId } })).toBe(1);
    const logged = await db.auditLog.findFirstOrThrow({
      where: { action: "organization.deletion.decline", entityId: String(org.id) },
    });
    expect(logged.reason).toBe("Владелец передумал по телефону.");
  });
});
