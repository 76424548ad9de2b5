import { deletionDecisionSchema } from "@/lib/validation/organization-deletion";
import { audit, type UserActor } from "@/server/audit";
import { db } from "@/server/db";
import type { DbTx } from "@/server/db-client";
import { DomainError } from "@/server/errors";

import { revalidateVacancyPageKeys, vacancyPageKeys } from "../vacancies/vacancy-cache";

// Organisations cannot delete themselves (their vacancies, applicants' data and payments need a
// person to look at them): the owner asks, and a superadmin carries the request out or declines it
// here. Carrying it out removes the organisation's data (vacancies with the applications and
// threads on them, memberships, invitations, templates, logo, the school registry and courses, resume
// hiding); what accounting must keep stays: with orders, payments or a ledger the row itself stays
// with its legal name and BIN (which invoices and acts name) and nothing else, marked deleted;
// without them the row goes too.

/** The requests waiting for an answer, oldest first, with what carrying each out would remove. */
export async function listDeletionRequests() {
  const rows = await db.organization.findMany({
    where: { deletionRequestedAt: { not: null }, deletedAt: null },
    orderBy: { deletionRequestedAt: "asc" },
    take: 200,
    select: {
      id: true,
      type: true,
      displayName: true,
      legalName: true,
      bin: true,
      iin: true,
      deletionRequestedAt: true,
      billingAccount: { select: { balanceTiyn: true } },
      _count: { select: { vacancies: true, memberships: true, trainees: true, orders: true } },
    },
  });
  const pending = await db.order.groupBy({
    by: ["organizationId"],
    where: { organizationId: { in: rows.map((r) => r.id) }, status: { in: ["PENDING", "PAID"] } },
    _count: { _all: true },
  });
  const pendingBy = new Map(pending.map((p) => [p.organizationId, p._count._all]));
  return rows.map((row) => ({
    id: row.id,
    type: row.type,
    displayName: row.displayName,
    legalName: row.legalName,
    identifier: row.bin ?? row.iin,
    requestedAt: row.deletionRequestedAt as Date,
    balanceTiyn: row.billingAccount?.balanceTiyn ?? 0n,
    openOrders: pendingBy.get(row.id) ?? 0,
    counts: row._count,
  }));
}
export type DeletionRequest = Awaited<ReturnType<typeof listDeletionRequests>>[number];

async function hasBillingRecords(tx: DbTx, organizationId: number): Promise<boolean> {
  // One after another: a transaction's connection runs one query at a time.
  const orders = await tx.order.count({ where: { organizationId } });
  const payments = await tx.payment.count({ where: { organizationId } });
  const refunds = await tx.refund.count({ where: { organizationId } });
  const entitlements = await tx.entitlement.count({ where: { organizationId } });
  const account = await tx.billingAccount.count({ where: { organizationId } });
  return orders + payments + refunds + entitlements + account > 0;
}

/**
 * Carries out or declines a deletion request. Carrying out is refused while the balance holds
 * money (finance refunds it first) or an order is awaiting payment or activation, and needs the
 * organisation's display name typed again. Both are audited; the organisation's owners are told
 * by the dashboard (declined: the request disappears with the note in the log) — the members lose
 * access with the deletion itself.
 */
export async function decideDeletionRequest(raw: unknown, actor: UserActor) {
  const input = deletionDecisionSchema.parse(raw);
  const organizationId = input.organizationId;
  let pageKeys: Awaited<ReturnType<typeof vacancyPageKeys>> = [];
  const result = await db.$transaction(
    async (tx) => {
      const [org] = await tx.$queryRaw<{ display_name: string; deletion_requested_at: Date | null; deleted_at: Date | null }[]>`
        SELECT display_name, deletion_requested_at, deleted_at FROM organizations WHERE id = ${organizationId} FOR UPDATE`;
      if (!org || org.deleted_at) throw new DomainError("NOT_FOUND", "errors.deletion.notFound");
      if (!org.deletion_requested_at) throw new DomainError("CONFLICT", "errors.deletion.notRequested");

      if (input.decision === "decline") {
        await tx.organization.update({ where: { id: organizationId }, data: { deletionRequestedAt: null } });
        await audit(
          tx,
          actor,
          "organization.deletion.decline",
          { type: "organization", id: organizationId },
          { reason: input.note },
        );
        return { organizationId, outcome: "declined" as const };
      }

      if (input.confirmation.toLocaleLowerCase("ru") !== org.display_name.trim().toLocaleLowerCase("ru")) {
        throw new DomainError("VALIDATION", "errors.deletion.confirmationMismatch", { field: "confirmation" });
      }
      const account = await tx.billingAccount.findUnique({ where: { organizationId }, select: { balanceTiyn: true } });
      if (account && account.balanceTiyn !== 0n) throw new DomainError("CONFLICT", "errors.deletion.balance");
      const open = await tx.order.count({ where: { organizationId, status: { in: ["PENDING", "PAID"] } } });
      if (open > 0) throw new DomainError("CONFLICT", "errors.deletion.openOrders");

      const vacancyIds = (await tx.vacancy.findMany({ where: { organizationId }, select: { id: true } })).map((v) => v.id);
      pageKeys = await vacancyPageKeys(vacancyIds, tx);
      const counts = {
        vacancies: (await tx.vacancy.deleteMany({ where: { organizationId } })).count,
        members: (await tx.membership.deleteMany({ where: { organizationId } })).count,
        trainees: (await tx.trainee.deleteMany({ where: { organizationId } })).count,
      };
      await tx.schoolGroup.deleteMany({ where: { organizationId } });
      await tx.schoolCourse.deleteMany({ where: { organizationId } });
      await tx.organizationInvitation.deleteMany({ where: { organizationId } });
      await tx.organizationEmailTemplate.deleteMany({ where: { organizationId } });
      await tx.organizationLogo.deleteMany({ where: { organizationId } });
      await tx.resumeHiddenOrganization.deleteMany({ where: { organizationId } });
      // A cart is not an order anyone paid for: it goes with the organisation.
      await tx.order.deleteMany({ where: { organizationId, status: "CART" } });

      const kept = await hasBillingRecords(tx, organizationId);
      if (kept) {
        await tx.organization.update({
          where: { id: organizationId },
          data: {
            deletedAt: new Date(),
            description: null,
            website: null,
            email: null,
            phone: null,
            address: null,
            cityId: null,
            logoPath: null,
          },
        });
      } else {
        await tx.ticket.updateMany({ where: { organizationId }, data: { organizationId: null } });
        await tx.organization.delete({ where: { id: organizationId } });
      }
      await audit(
        tx,
        actor,
        "organization.delete",
        { type: "organization", id: organizationId },
        { data: { ...counts, keptForAccounting: kept } },
      );
      return { organizationId, outcome: kept ? ("keptForAccounting" as const) : ("deleted" as const) };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
  revalidateVacancyPageKeys(pageKeys);
  return result;
}
