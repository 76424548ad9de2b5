import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { ModerationQueue } from "@/components/admin/moderation-queue";
import { Pagination } from "@/components/search/pagination";
import { Button } from "@/components/ui/button";
import { Link } from "@/i18n/navigation";
import { ClientMessages } from "@/i18n/client-messages";
import type { AppLocale } from "@/i18n/routing";
import { sanitizeRichText } from "@/lib/sanitize-html";
import { requireStaff } from "@/server/auth/require-staff";
import { AdminNav } from "@/components/admin/admin-nav";
import { specializationGroups } from "@/server/services/catalog/catalog";
import { localName } from "@/lib/local-name";
import { api } from "@/trpc/server";

// Never cached: depends on the signed-in staff member.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { robots: { index: false, follow: false } };

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The queue of submitted vacancies, 25 a page, oldest first, searchable by title or organisation. */
export default async function AdminModerationPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const staff = await requireStaff(locale as AppLocale, ["MODERATOR"]);
  const t = await getTranslations({ locale, namespace: "adminModeration" });
  const query = await searchParams;
  const requestedPage = Number.parseInt(single(query.page) ?? "1", 10);
  const q = (single(query.q) ?? "").trim().slice(0, 100);
  const queue = await api.admin.moderation.queue({
    page: Number.isSafeInteger(requestedPage) && requestedPage >= 1 ? Math.min(requestedPage, 10_000) : 1,
    q: q || undefined,
  });
  const href = (page: number) => {
    const params = new URLSearchParams();
    if (queue.q) params.set("q", queue.q);
    if (page > 1) params.set("page", String(page));
    const search = params.toString();
    return `/admin/moderation${search ? `?${search}` : ""}`;
  };
  return (
    <div className="flex flex-col gap-4">
      <AdminNav locale={locale} role={staff.staffRole ?? "SUPERADMIN"} current="moderation" />
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <form role="search" method="get" className="flex flex-wrap items-end gap-2">
        <div className="flex grow flex-col gap-1">
          <label htmlFor="moderation-q" className="text-sm font-medium text-gray-800">
            {t("search")}
          </label>
          <input
            id="moderation-q"
            name="q"
            type="search"
            defaultValue={queue.q ?? ""}
            maxLength={100}
            className="rounded-md border border-gray-400 px-3 py-2 text-base"
          />
        </div>
        <Button type="submit">{t("find")}</Button>
        {queue.q ? (
          <Link href="/admin/moderation" className="px-2 py-2 text-brand-700 underline">
            {t("reset")}
          </Link>
        ) : null}
      </form>
      <p className="text-sm text-gray-700" data-testid="moderation-total">
        {queue.total === 0 && queue.q ? t("nothingFound") : t("found", { total: queue.total })}
      </p>
      <ClientMessages
        locale={locale}
        namespaces={["adminModeration", "publicationTypes", "moderationFlags", "richText", "errors", "validation"]}
      >
        <ModerationQueue
          groups={await specializationGroups(locale)}
          items={queue.items.map((v) => ({
            id: v.id,
            title: v.title,
            descriptionHtml: sanitizeRichText(v.description),
            organization: v.organization.displayName,
            organizationVerified: v.organization.verification === "VERIFIED",
            city: localName(v.city, locale),
            specializations: v.specializations.map((s) => localName(s.specialization, locale)).join(", "),
            specializationIds: v.specializations.map((s) => s.specialization.id),
            publicationType: v.publicationType,
            companyDescription: v.companyDescription,
            flags: v.moderationFlags,
            submittedAt: v.submittedAt,
          }))}
        />
      </ClientMessages>
      <Pagination page={queue.page} pageCount={queue.pageCount} href={href} />
    </div>
  );
}
