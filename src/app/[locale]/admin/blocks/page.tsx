import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { AdminNav } from "@/components/admin/admin-nav";
import { BlockForm, LiftForm } from "@/components/admin/block-forms";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { PageNotices } from "@/components/ui/page-notice";
import { ClientMessages } from "@/i18n/client-messages";
import type { AppLocale } from "@/i18n/routing";
import { formatDate } from "@/lib/format";
import { organizationSearchSchema, userLookupSchema } from "@/lib/validation/blocks";
import { requireStaff } from "@/server/auth/require-staff";
import { api } from "@/trpc/server";

// Never cached: depends on the signed-in staff member and the query.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { robots: { index: false, follow: false } };

interface BlockSummary {
  id: number;
  reason: string;
  createdAt: Date;
  blockedBy: { name: string } | null;
  appeal: { decision: "UPHELD" | "LIFTED" | null } | null;
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/** Blocking: organisations by name or BIN/IIN, accounts by email; block, see why, lift. */
export default async function AdminBlocksPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ q?: string | string[]; email?: string | string[] }>;
}) {
  const { locale } = await params;
  const query = await searchParams;
  setRequestLocale(locale);
  const staff = await requireStaff(locale as AppLocale, ["MODERATOR", "SUPPORT"]);
  const role = staff.staffRole ?? "SUPERADMIN";
  const canBlock = role === "MODERATOR" || role === "SUPERADMIN";
  const t = await getTranslations({ locale, namespace: "adminBlocks" });
  const tAppeals = await getTranslations({ locale, namespace: "adminAppeals" });
  const tRoles = await getTranslations({ locale, namespace: "adminStaff.roles" });

  const q = organizationSearchSchema.safeParse({ query: one(query.q) });
  const organizations = q.success && q.data.query ? await api.admin.blocks.organizations(q.data) : null;
  const email = one(query.email).trim();
  const parsedEmail = email ? userLookupSchema.safeParse({ email }) : null;
  const user = parsedEmail?.success ? await api.admin.blocks.user(parsedEmail.data) : null;

  const status = (blk: BlockSummary | undefined, idPrefix: string, target: { organizationId: number } | { userId: number }) =>
    blk ? (
      <div className="flex flex-col gap-2 rounded-md border border-red-200 bg-red-50 p-3 text-sm">
        <p className="font-semibold text-red-900">
          {t("blocked", { date: formatDate(blk.createdAt, locale, "medium", { time: true }) })}
        </p>
        <p className="break-words">{t("reason", { reason: blk.reason })}</p>
        {blk.blockedBy ? <p>{t("blockedBy", { name: blk.blockedBy.name })}</p> : null}
        {blk.appeal ? (
          <p>
            {blk.appeal.decision === null
              ? t("appealWaiting")
              : t("appealDecided", { decision: tAppeals(`decision.${blk.appeal.decision}`) })}
          </p>
        ) : null}
        {canBlock && !(blk.appeal && blk.appeal.decision === null) ? <LiftForm blockId={blk.id} idPrefix={idPrefix} /> : null}
      </div>
    ) : (
      <div className="flex flex-col gap-2 text-sm">
        <p className="text-gray-700">{t("active")}</p>
        {canBlock ? <BlockForm target={target} idPrefix={idPrefix} /> : null}
      </div>
    );

  return (
    <div className="flex flex-col gap-6">
      <AdminNav locale={locale} role={role} current="blocks" />
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-gray-700">{t("hint")}</p>
      {canBlock ? null : <p className="text-gray-700">{t("supportHint")}</p>}
      <ClientMessages locale={locale} namespaces={["adminBlocks", "adminAppeals", "errors", "validation"]}>
        <PageNotices>
          <section aria-labelledby="org-search" className="flex flex-col gap-3">
            <h2 id="org-search" className="text-xl font-semibold">
              {t("orgSearch.title")}
            </h2>
            <form method="get" className="flex flex-col gap-2 sm:flex-row sm:items-end">
              <Field id="q" name="q" type="search" label={t("orgSearch.label")} defaultValue={one(query.q)} maxLength={160} />
              {email ? <input type="hidden" name="email" value={email} /> : null}
              <Button type="submit" className="self-start sm:self-end">
                {t("orgSearch.submit")}
              </Button>
            </form>
            {organizations ? (
              organizations.length === 0 ? (
                <p className="text-gray-700">{t("orgSearch.none")}</p>
              ) : (
                <ul aria-label={t("results")} className="flex flex-col gap-3">
                  {organizations.map((org) => (
                    <li
                      key={org.id}
                      className="flex flex-col gap-2 rounded-md border border-gray-200 bg-white p-4"
                      data-org={org.id}
                    >
                      <h3 className="text-lg font-semibold break-words">
                        {org.displayName} <span className="text-sm font-normal text-gray-700">({org.legalName})</span>
                      </h3>
                      {org.bin || org.iin ? (
                        <p className="font-mono text-sm">{t("identifier", { value: org.bin ?? org.iin ?? "" })}</p>
                      ) : null}
                      {status(org.blocks[0], `org-${org.id}`, { organizationId: org.id })}
                    </li>
                  ))}
                </ul>
              )
            ) : null}
          </section>

          <section aria-labelledby="user-lookup" className="flex flex-col gap-3">
            <h2 id="user-lookup" className="text-xl font-semibold">
              {t("userLookup.title")}
            </h2>
            <form method="get" className="flex flex-col gap-2 sm:flex-row sm:items-end">
              <Field id="email" name="email" type="email" autoComplete="off" label={t("userLookup.label")} defaultValue={email} />
              {one(query.q) ? <input type="hidden" name="q" value={one(query.q)} /> : null}
              <Button type="submit" className="self-start sm:self-end">
                {t("userLookup.submit")}
              </Button>
            </form>
            {parsedEmail ? (
              user ? (
                <div className="flex flex-col gap-2 rounded-md border border-gray-200 bg-white p-4" data-user={user.id}>
                  <h3 className="text-lg font-semibold break-words">
                    {user.name} <span className="text-sm font-normal break-all text-gray-700">&lt;{user.email}&gt;</span>
                  </h3>
                  {user.staffRole ? <p className="text-sm">{t("staffRole", { role: tRoles(user.staffRole) })}</p> : null}
                  {status(user.blocks[0], `user-${user.id}`, { userId: user.id })}
                </div>
              ) : (
                <p className="text-gray-700">{t("userLookup.none")}</p>
              )
            ) : null}
          </section>
        </PageNotices>
      </ClientMessages>
    </div>
  );
}
