"use client";

import type { TRPCClientErrorLike } from "@trpc/client";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { useFormErrors } from "@/components/auth/use-form-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { inviteMemberSchema } from "@/lib/validation/organization";
import { trpc } from "@/trpc/react";
import { formatDate } from "@/lib/format";
import type { AppRouter } from "@/server/api/root";

type Role = "OWNER" | "MANAGER" | "OBSERVER" | "INSTRUCTOR";
type EmployerRole = Exclude<Role, "INSTRUCTOR">;
const ROLES: Role[] = ["OWNER", "MANAGER", "OBSERVER"];
/** A driving school has instructors too. */
const SCHOOL_ROLES: Role[] = ["OWNER", "MANAGER", "INSTRUCTOR", "OBSERVER"];
const isEmployerRole = (role: Role): role is EmployerRole => role !== "INSTRUCTOR";

/**
 * The membership changes through the organisation's own router (employers' and schools' are
 * separate, so one's id never opens the other's data): both sets of hooks exist, `kind` picks.
 */
function useMemberMutations(
  kind: "employer" | "school",
  on: {
    onError: (error: TRPCClientErrorLike<AppRouter>) => void;
    changed: () => void;
    removed: () => void;
    left: () => void;
    revoked: () => void;
    invited: (invitation: { email: string }) => void;
  },
) {
  const { onError } = on;
  const employer = trpc.employer.organization;
  const school = trpc.school.organization;
  const e = {
    changeRole: employer.changeRole.useMutation({ onError, onSuccess: on.changed }),
    removeMember: employer.removeMember.useMutation({ onError, onSuccess: on.removed }),
    leave: employer.leave.useMutation({ onError, onSuccess: on.left }),
    revokeInvitation: employer.revokeInvitation.useMutation({ onError, onSuccess: on.revoked }),
    invite: employer.invite.useMutation({ onError, onSuccess: on.invited }),
  };
  const s = {
    changeRole: school.changeRole.useMutation({ onError, onSuccess: on.changed }),
    removeMember: school.removeMember.useMutation({ onError, onSuccess: on.removed }),
    leave: school.leave.useMutation({ onError, onSuccess: on.left }),
    revokeInvitation: school.revokeInvitation.useMutation({ onError, onSuccess: on.revoked }),
    invite: school.invite.useMutation({ onError, onSuccess: on.invited }),
  };
  const isSchool = kind === "school";
  return {
    pending: [...Object.values(e), ...Object.values(s)].some((mutation) => mutation.isPending),
    changeRole(organizationId: number, membershipId: number, role: Role) {
      if (isSchool) s.changeRole.mutate({ organizationId, membershipId, role });
      else if (isEmployerRole(role)) e.changeRole.mutate({ organizationId, membershipId, role });
    },
    remove(organizationId: number, membershipId: number) {
      (isSchool ? s : e).removeMember.mutate({ organizationId, membershipId });
    },
    leave(organizationId: number) {
      (isSchool ? s : e).leave.mutate({ organizationId });
    },
    revoke(organizationId: number, invitationId: number) {
      (isSchool ? s : e).revokeInvitation.mutate({ organizationId, invitationId });
    },
    invite(organizationId: number, input: { email: string; role: Role; locale: "ru" | "kk" }, reset: () => void) {
      const { role, ...rest } = input;
      if (isSchool) s.invite.mutate({ organizationId, ...rest, role }, { onSuccess: reset });
      else if (isEmployerRole(role)) e.invite.mutate({ organizationId, ...rest, role }, { onSuccess: reset });
    },
  };
}

export interface MemberRow {
  id: number;
  role: string;
  name: string;
  email: string;
  isMe: boolean;
}

export interface InvitationRow {
  id: number;
  email: string;
  role: string;
  expiresAt: Date;
}

/**
 * The members of an organisation. Owners change roles, remove members, invite and revoke
 * invitations; everybody may leave (the last owner cannot: the server says why).
 */
export function MembersManager(props: {
  kind: "employer" | "school";
  organizationId: number;
  isOwner: boolean;
  members: MemberRow[];
  invitations: InvitationRow[];
}) {
  const t = useTranslations("employer.members");
  const tRoles = useTranslations("organizationRoles");
  const tLang = useTranslations("employer.languages");
  const locale = useLocale();
  const router = useRouter();
  const errors = useFormErrors();
  const [notice, setNotice] = useState<string | null>(null);
  const done = (message: string) => () => {
    setNotice(message);
    router.refresh();
  };
  const organizationId = props.organizationId;
  const m = useMemberMutations(props.kind, {
    onError: errors.fromServer,
    changed: done(t("roleChanged")),
    removed: done(t("removed")),
    left: () => router.push(`/${locale}/employer`),
    revoked: () => router.refresh(),
    invited: (invitation) => {
      setNotice(t("invited", { email: invitation.email }));
      router.refresh();
    },
  });
  const roles = props.kind === "school" ? SCHOOL_ROLES : ROLES;

  function onInvite(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.reset();
    setNotice(null);
    const form = new FormData(event.currentTarget);
    const input = errors.validate(inviteMemberSchema, {
      email: form.get("inviteEmail"),
      role: form.get("inviteRole"),
      locale: form.get("inviteLocale"),
    });
    if (input) m.invite(organizationId, input, () => (event.target as HTMLFormElement).reset());
  }

  return (
    <div className="flex flex-col gap-6">
      <div aria-live="polite">{notice ? <Alert tone="success">{notice}</Alert> : null}</div>
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <p className="text-sm text-gray-700">{t("roleHelp")}</p>
      <ul className="flex flex-col gap-3">
        {props.members.map((member) => (
          <li
            key={member.id}
            className="flex flex-col gap-2 rounded-md border border-gray-200 bg-white p-3 sm:flex-row sm:items-center sm:justify-between"
          >
            <div className="min-w-0">
              <p className="font-medium">
                {member.name} {member.isMe ? <span className="text-sm text-gray-600">({t("you")})</span> : null}
              </p>
              <p className="text-sm break-all text-gray-700">{member.email}</p>
            </div>
            <div className="flex flex-wrap items-center gap-2">
              {props.isOwner ? (
                <>
                  <label htmlFor={`role-${member.id}`} className="sr-only">
                    {t("changeRole", { name: member.name })}
                  </label>
                  <select
                    id={`role-${member.id}`}
                    value={member.role}
                    disabled={m.pending}
                    onChange={(event) => m.changeRole(organizationId, member.id, event.target.value as Role)}
                    className="rounded-md border border-gray-400 px-2 py-1"
                  >
                    {roles.map((role) => (
                      <option key={role} value={role}>
                        {tRoles(role)}
                      </option>
                    ))}
                  </select>
                  {member.isMe ? null : (
                    <Button
                      type="button"
                      variant="secondary"
                      disabled={m.pending}
                      onClick={() => {
                        if (window.confirm(t("removeConfirm", { name: member.name }))) m.remove(organizationId, member.id);
                      }}
                    >
                      {t("remove")}
                    </Button>
                  )}
                </>
              ) : (
                <span className="text-sm">{tRoles(member.role as Role)}</span>
              )}
            </div>
          </li>
        ))}
      </ul>
      <Button
        type="button"
        variant="secondary"
        className="self-start"
        disabled={m.pending}
        onClick={() => {
          if (window.confirm(t("leaveConfirm"))) m.leave(organizationId);
        }}
      >
        {t("leave")}
      </Button>

      {props.isOwner ? (
        <>
          <section
            aria-labelledby="invite-heading"
            className="flex flex-col gap-3 rounded-md border border-gray-200 bg-white p-4"
          >
            <h2 id="invite-heading" className="text-lg font-semibold">
              {t("invite")}
            </h2>
            <form onSubmit={onInvite} noValidate className="flex flex-col gap-3">
              <Field
                id="inviteEmail"
                label={t("inviteEmail")}
                type="email"
                autoComplete="off"
                required
                errors={errors.fieldErrors.email}
              />
              <div className="flex flex-col gap-1">
                <label htmlFor="inviteRole" className="text-sm font-medium text-gray-800">
                  {t("inviteRole")}
                </label>
                <select
                  id="inviteRole"
                  name="inviteRole"
                  defaultValue="MANAGER"
                  className="rounded-md border border-gray-400 px-3 py-2"
                >
                  {roles.map((role) => (
                    <option key={role} value={role}>
                      {tRoles(role)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="flex flex-col gap-1">
                <label htmlFor="inviteLocale" className="text-sm font-medium text-gray-800">
                  {t("inviteLanguage")}
                </label>
                <select
                  id="inviteLocale"
                  name="inviteLocale"
                  defaultValue={locale}
                  className="rounded-md border border-gray-400 px-3 py-2"
                >
                  <option value="ru">{tLang("ru")}</option>
                  <option value="kk">{tLang("kk")}</option>
                </select>
              </div>
              <Button type="submit" disabled={m.pending} className="self-start">
                {t("sendInvite")}
              </Button>
            </form>
          </section>
          <section aria-labelledby="invitations-heading" className="flex flex-col gap-3">
            <h2 id="invitations-heading" className="text-lg font-semibold">
              {t("invitations")}
            </h2>
            {props.invitations.length === 0 ? (
              <p className="text-sm text-gray-700">{t("noInvitations")}</p>
            ) : (
              <ul className="flex flex-col gap-2">
                {props.invitations.map((invitation) => (
                  <li
                    key={invitation.id}
                    className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-gray-200 bg-white p-3"
                  >
                    <span className="break-all">
                      {invitation.email} · {tRoles(invitation.role as Role)} ·{" "}
                      {t("expires", { date: formatDate(new Date(invitation.expiresAt), locale, "medium") })}
                    </span>
                    <Button
                      type="button"
                      variant="secondary"
                      disabled={m.pending}
                      onClick={() => m.revoke(organizationId, invitation.id)}
                    >
                      {t("revoke")}
                    </Button>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      ) : null}
    </div>
  );
}
