import { defineRouting } from "next-intl/routing";

export const locales = ["ru", "kk"] as const;
export type AppLocale = (typeof locales)[number];
export const defaultLocale: AppLocale = "ru";

export const isLocale = (value: unknown): value is AppLocale =>
  typeof value === "string" && (locales as readonly string[]).includes(value);

export const routing = defineRouting({
  locales,
  defaultLocale,
  localePrefix: "always",
});
