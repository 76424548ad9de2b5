import { setStaffRoleSchema } from "@/lib/validation/staff";
import { audit, type UserActor } from "@/server/audit";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";

// Platform staff: who works the console and in which role. Only a superadmin changes roles (the
// router allows no one else); every change is audited with the role before and after.

/** Everyone with a staff role, by role then name. */
export function listStaff() {
  return db.user.findMany({
    where: { staffRole: { not: null } },
    orderBy: [{ staffRole: "asc" }, { name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, email: true, staffRole: true, blockedAt: true, staffTotp: { select: { confirmedAt: true } } },
    take: 500,
  });
}

/**
 * Gives an account a staff role, changes it, or takes it away (role null). The account must exist
 * and not be blocked; nobody changes their own role, so the console always keeps the superadmin
 * who acts. The change is effective at the account's next request (sessions read the role).
 */
export async function setStaffRole(raw: unknown, actor: UserActor) {
  const input = setStaffRoleSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { email: input.email },
      select: { id: true, staffRole: true, blockedAt: true },
    });
    if (!user) throw new DomainError("NOT_FOUND", "errors.staff.userNotFound", { field: "email" });
    if (user.id === actor.userId) throw new DomainError("CONFLICT", "errors.staff.ownRole", { field: "email" });
    if (user.blockedAt && input.role !== null) throw new DomainError("CONFLICT", "errors.staff.userBlocked", { field: "email" });
    if (user.staffRole === input.role) return { userId: user.id, role: input.role, changed: false };
    await tx.user.update({ where: { id: user.id }, data: { staffRole: input.role } });
    await audit(
      tx,
      actor,
      input.role === null ? "staff.role.revoke" : "staff.role.grant",
      { type: "user", id: user.id },
      {
        data: { from: user.staffRole, to: input.role },
      },
    );
    return { userId: user.id, role: input.role, changed: true };
  });
}
