import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

import { Alert } from "@/components/ui/alert";
import type { OrgRole, OrgType } from "@/generated/prisma/enums";
import { ClientMessages } from "@/i18n/client-messages";
import { Link } from "@/i18n/navigation";
import { formatDate } from "@/lib/format";
import { NON_HIRING_ROLES } from "@/lib/org-roles";
import { api } from "@/trpc/server";

import { BlockAppealForm } from "./block-appeal-form";

export interface ShellOrganization {
  id: number;
  type: OrgType;
  displayName: string;
  verification: "UNVERIFIED" | "PENDING" | "VERIFIED" | "REJECTED";
  verificationNote: string | null;
  blockedAt: Date | null;
  blockReason: string | null;
}

type Tab = "overview" | "vacancies" | "applications" | "resumes" | "groups" | "trainees" | "members" | "billing";

/**
 * The frame of an organisation's dashboard: which organisation (with links to the others the
 * person belongs to), the sections, why it cannot publish yet, and the rule on seekers' data. A
 * driving school's dashboard has the trainee registry's sections besides the hiring ones, and
 * says when its registry is read-only and why.
 */
export async function EmployerShell(props: {
  locale: string;
  organization: ShellOrganization;
  role: string;
  others: { id: number; displayName: string }[];
  current: Tab;
  children: ReactNode;
}) {
  const t = await getTranslations({ locale: props.locale, namespace: "employer" });
  const tRoles = await getTranslations({ locale: props.locale, namespace: "organizationRoles" });
  const org = props.organization;
  const base = `/employer/${org.id}`;
  const isSchool = org.type === "DRIVING_SCHOOL";
  const tabs: { key: Tab; href: string; label: string }[] = [
    { key: "overview", href: base, label: t("nav.overview") },
    ...(isSchool
      ? [
          { key: "groups" as const, href: `${base}/groups`, label: t("nav.groups") },
          { key: "trainees" as const, href: `${base}/trainees`, label: t("nav.trainees") },
        ]
      : []),
    // Every organisation hires (HIRING_RULE): a school its instructors and teachers. Its own
    // instructors take no part in hiring and do not see those sections.
    ...(NON_HIRING_ROLES.includes(props.role as OrgRole)
      ? []
      : [
          { key: "vacancies" as const, href: `${base}/vacancies`, label: t("nav.vacancies") },
          { key: "applications" as const, href: `${base}/applications`, label: t("nav.applications") },
          // The resume database is sold to employers (PRODUCT_KIND_ORG_TYPES.RESUME_ACCESS).
          ...(isSchool ? [] : [{ key: "resumes" as const, href: `${base}/resumes`, label: t("nav.resumes") }]),
        ]),
    { key: "members", href: `${base}/members`, label: t("nav.members") },
    { key: "billing", href: `${base}/billing`, label: t("nav.billing") },
  ];
  const registry = isSchool ? await api.school.status({ organizationId: org.id }) : null;
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <p className="text-sm text-gray-700">
          <Link href="/employer" className="underline">
            {t("title")}
          </Link>
        </p>
        <h1 className="text-2xl font-bold break-words">{org.displayName}</h1>
        <p className="text-sm text-gray-700">{t("role", { role: tRoles(props.role as "OWNER") })}</p>
      </div>
      {props.others.length > 0 ? (
        <nav aria-label={t("switchLabel")} className="flex flex-wrap gap-2 text-sm">
          <span className="text-gray-700">{t("switchLabel")}:</span>
          {props.others.map((other) => (
            <Link key={other.id} href={`/employer/${other.id}`} className="underline">
              {other.displayName}
            </Link>
          ))}
        </nav>
      ) : null}
      <nav aria-label={t("title")} className="flex gap-1 overflow-x-auto border-b border-gray-200">
        {tabs.map((tab) => (
          <Link
            key={tab.key}
            href={tab.href}
            aria-current={props.current === tab.key ? "page" : undefined}
            className={`-mb-px border-b-2 px-3 py-2 ${props.current === tab.key ? "border-brand-700 font-semibold" : "border-transparent text-gray-700"}`}
          >
            {tab.label}
          </Link>
        ))}
      </nav>
      {org.blockedAt ? (
        <BlockedPanel locale={props.locale} organization={org} isOwner={props.role === "OWNER"} />
      ) : org.verification !== "VERIFIED" ? (
        <Alert tone={org.verification === "REJECTED" ? "error" : "info"}>
          <p>{t(`verification.${org.verification}`)}</p>
          {org.verification === "REJECTED" && org.verificationNote ? (
            <p className="mt-1">{t("verification.reason", { reason: org.verificationNote })}</p>
          ) : null}
        </Alert>
      ) : null}
      {registry?.readOnlyReason === "noPlan" ? (
        <Alert tone="info">
          <p className="font-semibold">{t("school.readOnly")}</p>
          <p className="mt-1">
            {t("school.noPlan")}{" "}
            <Link href={`${base}/billing`} className="underline">
              {t("school.buyPlan")}
            </Link>
          </p>
        </Alert>
      ) : null}
      {props.children}
      <p className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">{t("dataNotice")}</p>
    </div>
  );
}

/** Why the organisation is blocked, and its one appeal: the owner's form, or the appeal's state. */
async function BlockedPanel(props: { locale: string; organization: ShellOrganization; isOwner: boolean }) {
  const t = await getTranslations({ locale: props.locale, namespace: "employer" });
  const org = props.organization;
  const isSchool = org.type === "DRIVING_SCHOOL";
  // Each kind of organisation is read through its own router (an employer's id never opens a school's data).
  const block = await (isSchool ? api.school.organization : api.employer.organization).block({ organizationId: org.id });
  const appeal = block?.appeal ?? null;
  const date = (d: Date) => formatDate(d, props.locale, "medium");
  return (
    <section aria-labelledby="block-panel" className="flex flex-col gap-3">
      <Alert tone="error">
        <p id="block-panel">{t("blocked", { reason: block?.reason ?? org.blockReason ?? "—" })}</p>
      </Alert>
      {block ? (
        appeal ? (
          <p className="text-sm text-gray-800" data-testid="appeal-state">
            {appeal.decision === "UPHELD"
              ? t("blockAppeal.upheld", {
                  date: appeal.decidedAt ? date(appeal.decidedAt) : "—",
                  note: appeal.decisionNote ?? "—",
                })
              : t("blockAppeal.waiting", { date: date(appeal.createdAt) })}
          </p>
        ) : props.isOwner ? (
          <div className="flex flex-col gap-2 rounded-md border border-gray-200 bg-white p-4">
            <h2 className="text-lg font-semibold">{t("blockAppeal.title")}</h2>
            <p className="text-sm text-gray-700">{t("blockAppeal.hint")}</p>
            <ClientMessages locale={props.locale} namespaces={["employer", "errors", "validation"]}>
              <BlockAppealForm organizationId={org.id} kind={isSchool ? "school" : "employer"} />
            </ClientMessages>
          </div>
        ) : (
          <p className="text-sm text-gray-700">{t("blockAppeal.ownerOnly")}</p>
        )
      ) : null}
    </section>
  );
}
