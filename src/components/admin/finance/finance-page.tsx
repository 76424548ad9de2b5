import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";

import { AdminNav } from "@/components/admin/admin-nav";
import { ClientMessages } from "@/i18n/client-messages";
import type { AppLocale } from "@/i18n/routing";
import { requireStaff } from "@/server/auth/require-staff";

import { FinanceNav } from "./finance-nav";

/** Finance staff and superadmins only: anyone else gets the 404 page. */
export async function requireFinanceStaff(locale: string) {
  const staff = await requireStaff(locale as AppLocale, ["FINANCE"]);
  return staff.staffRole ?? "SUPERADMIN";
}

export async function FinancePage({
  locale,
  role,
  current,
  title,
  children,
}: {
  locale: string;
  role: Awaited<ReturnType<typeof requireFinanceStaff>>;
  current?: "orders" | "payments" | "tariffs" | "revenue";
  title: string;
  children: ReactNode;
}) {
  await getTranslations({ locale, namespace: "finance" });
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <AdminNav locale={locale} role={role} current="finance" />
      <FinanceNav locale={locale} current={current} />
      <h1 className="text-2xl font-bold break-words">{title}</h1>
      <ClientMessages locale={locale} namespaces={["finance", "errors", "validation"]}>
        {children}
      </ClientMessages>
    </div>
  );
}

/**
 * A table that scrolls sideways on a phone instead of widening the page. The box takes the focus
 * (tabindex 0), so that a keyboard user can scroll it with the arrow keys.
 */
export function TableBox({ children }: { children: ReactNode }) {
  return (
    <div
      tabIndex={0}
      className="overflow-x-auto rounded-md border border-gray-200 bg-white focus-visible:outline-2 focus-visible:outline-brand-700"
    >
      {children}
    </div>
  );
}

export const th = "px-3 py-2 text-left font-semibold whitespace-nowrap";
export const td = "px-3 py-2 align-top";

/** Reads a `YYYY-MM-DD` query value as the start of that day in Almaty; undefined otherwise. */
export function dayParam(value: string | string[] | undefined): Date | undefined {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00+05:00`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export function pageParam(value: string | string[] | undefined): number {
  const page = typeof value === "string" ? Number(value) : 1;
  return Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1;
}

export function oneOf<T extends string>(value: string | string[] | undefined, options: readonly T[]): T | undefined {
  return typeof value === "string" && (options as readonly string[]).includes(value) ? (value as T) : undefined;
}
