"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { useFormErrors } from "@/components/auth/use-form-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { Field } from "@/components/ui/field";
import type { LicenceCategory } from "@/generated/prisma/enums";
import { LICENCE_CATEGORIES_LAW_ORDER, licenceCategoryLabel } from "@/lib/schools/licence-categories";
import { schoolCoursesSchema } from "@/lib/validation/school-profile";
import { trpc } from "@/trpc/react";

export interface CourseValue {
  category: LicenceCategory;
  priceKzt: number;
  durationHours: number;
}

interface Row {
  on: boolean;
  price: string;
  hours: string;
}

type RowErrors = Partial<Record<LicenceCategory, { priceKzt?: string[]; durationHours?: string[] }>>;

// "180 000" and "180000" are the same price; an empty or non-numeric field becomes NaN, which the
// shared schema refuses with its own message.
const toNumber = (text: string) => {
  const digits = text.replace(/[\s\u00a0]/g, "");
  return /^\d+$/.test(digits) ? Number(digits) : NaN;
};

/** The categories a school teaches, each with its course's price (tenge) and length (hours). */
export function SchoolCoursesForm({ organizationId, courses }: { organizationId: number; courses: CourseValue[] }) {
  const t = useTranslations("schoolProfile");
  const tAll = useTranslations();
  const router = useRouter();
  const errors = useFormErrors();
  const [rowErrors, setRowErrors] = useState<RowErrors>({});
  const [rows, setRows] = useState<Record<LicenceCategory, Row>>(() => {
    const initial = {} as Record<LicenceCategory, Row>;
    for (const category of LICENCE_CATEGORIES_LAW_ORDER) {
      const course = courses.find((c) => c.category === category);
      initial[category] = course
        ? { on: true, price: String(course.priceKzt), hours: String(course.durationHours) }
        : { on: false, price: "", hours: "" };
    }
    return initial;
  });
  const save = trpc.school.courses.save.useMutation({
    onError: errors.fromServer,
    onSuccess: () => router.refresh(),
  });

  const change = (category: LicenceCategory, patch: Partial<Row>) =>
    setRows((current) => ({ ...current, [category]: { ...current[category], ...patch } }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.reset();
    setRowErrors({});
    const chosen = LICENCE_CATEGORIES_LAW_ORDER.filter((c) => rows[c].on);
    const input = chosen.map((category) => ({
      category,
      priceKzt: toNumber(rows[category].price),
      durationHours: toNumber(rows[category].hours),
    }));
    const result = schoolCoursesSchema.safeParse(input);
    if (!result.success) {
      const found: RowErrors = {};
      for (const issue of result.error.issues) {
        const [index, field] = issue.path;
        const category = typeof index === "number" ? chosen[index] : undefined;
        if (!category || (field !== "priceKzt" && field !== "durationHours")) continue;
        const message = tAll.has(issue.message) ? tAll(issue.message) : tAll("errors.invalidInput");
        found[category] = { ...found[category], [field]: [...(found[category]?.[field] ?? []), message] };
      }
      setRowErrors(found);
      errors.fromKey("errors.checkFields");
      return;
    }
    save.mutate({ organizationId, courses: result.data });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <p className="text-sm text-gray-700">{t("coursesHint")}</p>
      {save.isSuccess ? <Alert tone="success">{t("saved")}</Alert> : null}
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <ul className="grid grid-cols-1 gap-3 md:grid-cols-2">
        {LICENCE_CATEGORIES_LAW_ORDER.map((category) => {
          const row = rows[category];
          const label = licenceCategoryLabel(category);
          const id = `course-${category.toLowerCase()}`;
          return (
            <li key={category} className="flex flex-col gap-2 rounded-md border border-gray-200 p-3">
              <CheckboxField
                id={`${id}-on`}
                label={t("teaches", { category: label })}
                checked={row.on}
                onChange={(e) => change(category, { on: e.currentTarget.checked })}
              />
              {row.on ? (
                <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
                  <Field
                    id={`${id}-price`}
                    label={t("price", { category: label })}
                    inputMode="numeric"
                    autoComplete="off"
                    value={row.price}
                    onChange={(e) => change(category, { price: e.currentTarget.value })}
                    errors={rowErrors[category]?.priceKzt}
                  />
                  <Field
                    id={`${id}-hours`}
                    label={t("hours", { category: label })}
                    inputMode="numeric"
                    autoComplete="off"
                    value={row.hours}
                    onChange={(e) => change(category, { hours: e.currentTarget.value })}
                    errors={rowErrors[category]?.durationHours}
                  />
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
      <Button type="submit" disabled={save.isPending} className="self-start">
        {t("saveCourses")}
      </Button>
    </form>
  );
}
