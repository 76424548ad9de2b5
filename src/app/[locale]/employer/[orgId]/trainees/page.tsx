import { getTranslations, setRequestLocale } from "next-intl/server";

import { EmployerShell } from "@/components/employer/employer-shell";
import { loadSchool, positiveId } from "@/components/school/load-school";
import type { LicenceCategory, TraineeStatus } from "@/generated/prisma/enums";
import { Link } from "@/i18n/navigation";
import { titleMetadata } from "@/i18n/page-metadata";
import { formatDay } from "@/lib/schools/calendar-day";
import { LICENCE_CATEGORIES_LAW_ORDER } from "@/lib/schools/licence-categories";
import { TRAINEE_STATUSES } from "@/lib/validation/school";
import { api } from "@/trpc/server";

export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("schoolRegistry", "trainees.title", { index: false });

const PAGE_SIZE = 25;
const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

export default async function SchoolTraineesPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string; orgId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale, orgId } = await params;
  setRequestLocale(locale);
  const search = await searchParams;
  const { organization: org, others, status: registry } = await loadSchool(locale, orgId);
  const t = await getTranslations({ locale, namespace: "schoolRegistry.trainees" });
  const tStatus = await getTranslations({ locale, namespace: "school.status" });
  const query = one(search.q)?.trim().slice(0, 100) || undefined;
  const groupId = positiveId(one(search.groupId));
  const status = TRAINEE_STATUSES.find((s) => s === one(search.status)) as TraineeStatus | undefined;
  const category = LICENCE_CATEGORIES_LAW_ORDER.find((c) => c === one(search.category)) as LicenceCategory | undefined;
  const page = Math.min(positiveId(one(search.page)) ?? 1, 10_000);
  const [list, groups] = await Promise.all([
    api.school.trainees.list({ organizationId: org.id, query, groupId, status, category, page, pageSize: PAGE_SIZE }),
    api.school.groups.list({ organizationId: org.id }),
  ]);
  const base = `/employer/${org.id}`;
  const filters: Record<string, string> = {
    ...(query ? { q: query } : {}),
    ...(groupId ? { groupId: String(groupId) } : {}),
    ...(status ? { status } : {}),
    ...(category ? { category } : {}),
  };
  const pageHref = (n: number) => `${base}/trainees?${new URLSearchParams({ ...filters, page: String(n) }).toString()}`;
  const exportHref = (format: "csv" | "xlsx") =>
    `/api/schools/${org.id}/trainees/export?${new URLSearchParams({ format, lang: locale, ...filters }).toString()}`;
  const pages = Math.max(1, Math.ceil(list.total / PAGE_SIZE));
  const select = "w-full rounded-md border border-gray-400 bg-white px-3 py-2";
  return (
    <EmployerShell locale={locale} organization={org} role={org.myRole} others={others} current="trainees">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-xl font-semibold">{t("title")}</h2>
        <div className="flex flex-wrap gap-3">
          {registry.canWrite ? (
            <>
              <Link
                href={`${base}/trainees/new`}
                className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
              >
                {t("new")}
              </Link>
              <Link href={`${base}/trainees/import`} className="rounded-md border border-gray-400 bg-white px-4 py-2 font-medium">
                {t("import")}
              </Link>
            </>
          ) : null}
        </div>
      </div>
      <form method="get" role="search" aria-label={t("searchLabel")} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <div className="flex flex-col gap-1 lg:col-span-2">
          <label htmlFor="q" className="text-sm font-medium text-gray-800">
            {t("query")}
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={query ?? ""}
            maxLength={100}
            className="rounded-md border border-gray-400 px-3 py-2"
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="groupId" className="text-sm font-medium text-gray-800">
            {t("group")}
          </label>
          <select id="groupId" name="groupId" defaultValue={groupId ?? ""} className={select}>
            <option value="">{t("all")}</option>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="category" className="text-sm font-medium text-gray-800">
            {t("category")}
          </label>
          <select id="category" name="category" defaultValue={category ?? ""} className={select}>
            <option value="">{t("all")}</option>
            {LICENCE_CATEGORIES_LAW_ORDER.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="status" className="text-sm font-medium text-gray-800">
            {t("status")}
          </label>
          <select id="status" name="status" defaultValue={status ?? ""} className={select}>
            <option value="">{t("all")}</option>
            {TRAINEE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {tStatus(s)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-5">
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
            {t("find")}
          </button>
          <Link href={`${base}/trainees`} className="underline">
            {t("reset")}
          </Link>
        </div>
      </form>
      <div className="flex flex-wrap items-center gap-4 text-sm">
        <p aria-live="polite">{t("found", { count: list.total })}</p>
        <a href={exportHref("csv")} className="underline">
          {t("exportCsv")}
        </a>
        <a href={exportHref("xlsx")} className="underline">
          {t("exportXlsx")}
        </a>
      </div>
      {list.items.length === 0 ? (
        <p className="text-gray-700">{t("none")}</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {list.items.map((trainee) => (
            <li
              key={trainee.id}
              className="flex flex-col gap-1 rounded-md border border-gray-200 bg-white p-3 sm:flex-row sm:items-center sm:justify-between"
            >
              <div className="flex min-w-0 flex-col">
                <Link href={`${base}/trainees/${trainee.id}`} className="font-medium break-words text-brand-800 underline">
                  {trainee.fullName}
                </Link>
                <span className="text-sm text-gray-700">
                  {t("iinValue", { iin: trainee.iin })} · {formatDay(trainee.birthDate)}
                </span>
              </div>
              <span className="text-sm text-gray-700">
                {trainee.category} · {trainee.group?.name ?? t("noGroup")} · {tStatus(trainee.status)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {pages > 1 ? (
        <nav aria-label={t("pagination")} className="flex flex-wrap items-center gap-3">
          {page > 1 ? (
            <Link href={pageHref(page - 1)} className="underline" rel="prev">
              {t("previous")}
            </Link>
          ) : null}
          <span>{t("pageOf", { page, pages })}</span>
          {page < pages ? (
            <Link href={pageHref(page + 1)} className="underline" rel="next">
              {t("next")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </EmployerShell>
  );
}
