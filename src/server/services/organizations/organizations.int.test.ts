import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";

import { makeBin } from "@/lib/kz-identifiers";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";

import { createOrganization as createOrgRow, createUser } from "../../../../test/support/factories";
import { decideVerification } from "../admin/organizations";

import {
  createOrganization,
  requestOrganizationDeletion,
  updateOrganizationLegal,
  updateOrganizationProfile,
} from "./manage-organization";
import {
  acceptInvitation,
  changeMemberRole,
  INVITATION_DAYS,
  inviteMember,
  leaveOrganization,
  listInvitations,
  previewInvitation,
  removeMember,
  revokeInvitation,
} from "./members";

let serial = 30_000;
const nextBin = () => makeBin({ year: 2019, month: 6 }, serial++);
const actorOf = (userId: number) => ({ userId, ip: "127.0.0.1" });

const errorKey = async (promise: Promise<unknown>) =>
  promise.then(
    () => "resolved",
    (e: unknown) =>
      e instanceof DomainError ? e.messageKey : e instanceof ZodError ? e.issues.map((i) => i.message).join(",") : String(e),
  );

const validInput = (identifier = nextBin()) => ({
  type: "EMPLOYER" as const,
  legalName: "ТОО «Дала Логистик»",
  displayName: "Дала Логистик",
  identifier,
  email: "hr@dala.kz",
  phone: "+7 701 234 56 78",
  website: "dala.kz",
  cityId: null,
  address: "",
  description: "Логистическая компания.",
});

/** The invitation link's secret, read from the email the mailer stored. */
async function secretFromOutbox(email: string): Promise<string> {
  const message = await db.emailMessage.findFirstOrThrow({ where: { toAddress: email }, orderBy: { id: "desc" } });
  const match = /token=([\w-]+)/.exec(message.text);
  if (!match?.[1]) throw new Error("no invitation link in the email");
  return match[1];
}

let owner: { id: number; email: string };

beforeAll(async () => {
  owner = await createUser();
});

describe("organisation registration", () => {
  it("registers with the caller as owner, waiting for verification, with normalised contacts and an audit entry", async () => {
    const bin = nextBin();
    const org = await createOrganization(
      { ...validInput(bin), identifier: ` ${bin.slice(0, 6)} ${bin.slice(6)} ` },
      actorOf(owner.id),
    );
    const row = await db.organization.findUniqueOrThrow({ where: { id: org.id }, include: { memberships: true } });
    expect(row).toMatchObject({
      bin,
      iin: null,
      verification: "PENDING",
      phone: "+77012345678",
      website: "https://dala.kz/",
      slug: "dala-logistik",
    });
    expect(row.memberships).toEqual([expect.objectContaining({ userId: owner.id, role: "OWNER" })]);
    expect(await db.auditLog.count({ where: { action: "organization.create", entityId: String(org.id) } })).toBe(1);
  });

  it("keeps a private recruiter's number as IIN", async () => {
    const iin = nextBin();
    const org = await createOrganization({ ...validInput(iin), type: "PRIVATE_RECRUITER" }, actorOf(owner.id));
    expect(await db.organization.findUniqueOrThrow({ where: { id: org.id }, select: { bin: true, iin: true } })).toEqual({
      bin: null,
      iin,
    });
  });

  it("refuses a wrong check digit, a short number, bad contacts and an unknown city, writing nothing", async () => {
    const before = await db.organization.count();
    const bin = nextBin();
    const wrongDigit = bin.slice(0, 11) + String((Number(bin[11]) + 1) % 10);
    expect(await errorKey(createOrganization(validInput(wrongDigit), actorOf(owner.id)))).toBe("validation.identifierCheckDigit");
    expect(await errorKey(createOrganization(validInput("12345"), actorOf(owner.id)))).toBe("validation.identifierFormat");
    expect(await errorKey(createOrganization({ ...validInput(), phone: "+7 999 000" }, actorOf(owner.id)))).toBe(
      "validation.phoneKz",
    );
    expect(await errorKey(createOrganization({ ...validInput(), website: "javascript:alert(1)" }, actorOf(owner.id)))).toBe(
      "validation.url",
    );
    expect(await errorKey(createOrganization({ ...validInput(), description: "x".repeat(5001) }, actorOf(owner.id)))).toBe(
      "validation.descriptionTooLong",
    );
    expect(await errorKey(createOrganization({ ...validInput(), cityId: 999_999 }, actorOf(owner.id)))).toBe(
      "errors.cityUnknown",
    );
    expect(await db.organization.count()).toBe(before);
  });

  it("refuses a BIN that is already registered", async () => {
    const bin = nextBin();
    await createOrganization(validInput(bin), actorOf(owner.id));
    const other = await createUser();
    expect(await errorKey(createOrganization(validInput(bin), actorOf(other.id)))).toBe("errors.org.identifierTaken");
    expect(await db.membership.count({ where: { userId: other.id } })).toBe(0);
  });

  it("stops at ten owned organisations", async () => {
    const busy = await createUser();
    for (let i = 0; i < 10; i++) await createOrganization(validInput(), actorOf(busy.id));
    expect(await errorKey(createOrganization(validInput(), actorOf(busy.id)))).toBe("errors.org.tooMany");
  });
});

describe("profile, legal details and deletion request", () => {
  it("renames the organisation and its slug", async () => {
    const org = await createOrganization(validInput(), actorOf(owner.id));
    const updated = await updateOrganizationProfile(org.id, { ...validInput(), displayName: "Жаңа Жол" }, actorOf(owner.id));
    expect(updated).toMatchObject({ displayName: "Жаңа Жол", slug: "zhana-zhol" });
  });

  it("locks legal details once verified, and a correction after a refusal goes back to the queue", async () => {
    const staff = await createUser({ staffRole: "MODERATOR" });
    const org = await createOrganization(validInput(), actorOf(owner.id));
    await decideVerification(
      { organizationId: org.id, decision: "REJECTED", reason: "БИН не совпадает с названием" },
      actorOf(staff.id),
    );
    expect(
      await db.organization.findUniqueOrThrow({ where: { id: org.id }, select: { verification: true, verificationNote: true } }),
    ).toEqual({
      verification: "REJECTED",
      verificationNote: "БИН не совпадает с названием",
    });
    await updateOrganizationLegal(org.id, { legalName: "ТОО «Дала»", identifier: nextBin() }, actorOf(owner.id));
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).verification).toBe("PENDING");
    await decideVerification({ organizationId: org.id, decision: "VERIFIED" }, actorOf(staff.id));
    expect(
      await errorKey(updateOrganizationLegal(org.id, { legalName: "ТОО «Другое»", identifier: nextBin() }, actorOf(owner.id))),
    ).toBe("errors.org.legalLocked");
    expect(
      await errorKey(decideVerification({ organizationId: org.id, decision: "REJECTED", reason: "x" }, actorOf(staff.id))),
    ).toBe("errors.org.notPending");
    expect(await errorKey(decideVerification({ organizationId: org.id, decision: "REJECTED" }, actorOf(staff.id)))).toBe(
      "validation.reasonRequired",
    );
  });

  it("records a deletion request once", async () => {
    const org = await createOrganization(validInput(), actorOf(owner.id));
    const first = await requestOrganizationDeletion(org.id, actorOf(owner.id), new Date("2026-11-01T00:00:00Z"));
    const again = await requestOrganizationDeletion(org.id, actorOf(owner.id), new Date("2026-11-05T00:00:00Z"));
    expect(again.deletionRequestedAt).toEqual(first.deletionRequestedAt);
    expect(await db.organization.findUnique({ where: { id: org.id } })).not.toBeNull();
  });
});

describe("members and invitations", () => {
  async function orgWithOwner() {
    const ownerUser = await createUser();
    const org = await createOrganization(validInput(), actorOf(ownerUser.id));
    return { org, ownerUser };
  }

  it("invites by email; the invited person accepts with the same address and gets the role", async () => {
    const { org, ownerUser } = await orgWithOwner();
    const invitee = await createUser();
    await inviteMember(org.id, { email: invitee.email.toUpperCase(), role: "MANAGER", locale: "kk" }, actorOf(ownerUser.id));
    const mail = await db.emailMessage.findFirstOrThrow({ where: { toAddress: invitee.email }, orderBy: { id: "desc" } });
    expect(mail).toMatchObject({ template: "organization-invitation", locale: "kk" });
    expect(mail.subject).toContain("Дала Логистик");
    const secret = await secretFromOutbox(invitee.email);
    expect(await previewInvitation(secret, invitee)).toMatchObject({ role: "MANAGER", forThisAccount: true });

    const stranger = await createUser();
    expect(await errorKey(acceptInvitation(secret, stranger, null))).toBe("errors.org.invitationOtherEmail");
    expect(await acceptInvitation(secret, invitee, null)).toEqual({ organizationId: org.id, type: "EMPLOYER" });
    expect(
      await db.membership.findUnique({ where: { userId_organizationId: { userId: invitee.id, organizationId: org.id } } }),
    ).toMatchObject({
      role: "MANAGER",
    });
    // Single use.
    expect(await errorKey(acceptInvitation(secret, invitee, null))).toBe("errors.org.invitationExpired");
  });

  it("refuses expired, revoked, replaced and forged invitations", async () => {
    const { org, ownerUser } = await orgWithOwner();
    const invitee = await createUser();
    const past = new Date(Date.now() - (INVITATION_DAYS + 1) * 86_400_000);
    await inviteMember(org.id, { email: invitee.email, role: "OBSERVER" }, actorOf(ownerUser.id), past);
    const expired = await secretFromOutbox(invitee.email);
    expect(await errorKey(acceptInvitation(expired, invitee, null))).toBe("errors.org.invitationExpired");

    await inviteMember(org.id, { email: invitee.email, role: "OBSERVER" }, actorOf(ownerUser.id));
    const replaced = await secretFromOutbox(invitee.email);
    const invitation = await inviteMember(org.id, { email: invitee.email, role: "MANAGER" }, actorOf(ownerUser.id));
    const latest = await secretFromOutbox(invitee.email);
    expect(await errorKey(acceptInvitation(replaced, invitee, null))).toBe("errors.org.invitationInvalid");
    expect((await listInvitations(org.id)).map((i) => i.id)).toEqual([invitation.id]);

    await revokeInvitation(org.id, invitation.id, actorOf(ownerUser.id));
    expect(await errorKey(acceptInvitation(latest, invitee, null))).toBe("errors.org.invitationInvalid");
    expect(await errorKey(acceptInvitation("forged-token-forged-token-forged", invitee, null))).toBe(
      "errors.org.invitationInvalid",
    );
    expect(await db.membership.count({ where: { userId: invitee.id } })).toBe(0);
  });

  it("does not invite an existing member", async () => {
    const { org, ownerUser } = await orgWithOwner();
    expect(
      await errorKey(
        inviteMember(
          org.id,
          { email: (await db.user.findUniqueOrThrow({ where: { id: ownerUser.id } })).email, role: "MANAGER" },
          actorOf(ownerUser.id),
        ),
      ),
    ).toBe("errors.org.alreadyMember");
  });

  it("never demotes, removes or lets go the last owner; a second owner makes it possible", async () => {
    const { org, ownerUser } = await orgWithOwner();
    const own = await db.membership.findFirstOrThrow({ where: { organizationId: org.id, userId: ownerUser.id } });
    expect(await errorKey(changeMemberRole(org.id, own.id, "MANAGER", actorOf(ownerUser.id)))).toBe("errors.org.lastOwner");
    expect(await errorKey(removeMember(org.id, own.id, actorOf(ownerUser.id)))).toBe("errors.org.lastOwner");
    expect(await errorKey(leaveOrganization(org.id, actorOf(ownerUser.id)))).toBe("errors.org.lastOwner");
    expect((await db.membership.findUniqueOrThrow({ where: { id: own.id } })).role).toBe("OWNER");

    const second = await createUser();
    const other = await db.membership.create({ data: { organizationId: org.id, userId: second.id, role: "OWNER" } });
    await changeMemberRole(org.id, own.id, "OBSERVER", actorOf(ownerUser.id));
    expect((await db.membership.findUniqueOrThrow({ where: { id: own.id } })).role).toBe("OBSERVER");
    expect(await errorKey(changeMemberRole(org.id, other.id, "MANAGER", actorOf(second.id)))).toBe("errors.org.lastOwner");
  });

  it("does not reach another organisation's members or invitations through its own id", async () => {
    const a = await orgWithOwner();
    const b = await orgWithOwner();
    const bOwner = await db.membership.findFirstOrThrow({ where: { organizationId: b.org.id } });
    const bInvite = await inviteMember(b.org.id, { email: "someone@example.kz", role: "MANAGER" }, actorOf(b.ownerUser.id));
    expect(await errorKey(changeMemberRole(a.org.id, bOwner.id, "OBSERVER", actorOf(a.ownerUser.id)))).toBe(
      "errors.org.memberNotFound",
    );
    expect(await errorKey(removeMember(a.org.id, bOwner.id, actorOf(a.ownerUser.id)))).toBe("errors.org.memberNotFound");
    expect(await errorKey(revokeInvitation(a.org.id, bInvite.id, actorOf(a.ownerUser.id)))).toBe("errors.org.invitationNotFound");
    expect((await db.membership.findUniqueOrThrow({ where: { id: bOwner.id } })).role).toBe("OWNER");
    expect((await listInvitations(b.org.id)).map((i) => i.id)).toEqual([bInvite.id]);
  });

  it("removing a member ends their access at once", async () => {
    const { org, ownerUser } = await orgWithOwner();
    const member = await createUser();
    const membership = await db.membership.create({ data: { organizationId: org.id, userId: member.id, role: "MANAGER" } });
    await removeMember(org.id, membership.id, actorOf(ownerUser.id));
    expect(await db.membership.findUnique({ where: { id: membership.id } })).toBeNull();
    expect(await db.auditLog.count({ where: { action: "organization.member.remove", entityId: String(org.id) } })).toBe(1);
  });

  it("organisation rows from the factory still work with invitations", async () => {
    const row = await createOrgRow("AGENCY", [{ userId: owner.id, role: "OWNER" }]);
    const invitation = await inviteMember(row.id, { email: "agency-hire@example.kz", role: "OBSERVER" }, actorOf(owner.id));
    expect(invitation.role).toBe("OBSERVER");
  });
});
