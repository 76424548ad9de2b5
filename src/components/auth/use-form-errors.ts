"use client";

import type { TRPCClientErrorLike } from "@trpc/client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { ZodType } from "zod";
import { z } from "zod";

import { FORM_ERROR_KEYS } from "@/lib/form-error-keys";
import type { AppRouter } from "@/server/api/root";

type FieldErrors = Record<string, string[] | undefined>;

/**
 * Field and form errors for a form: the shared zod schema runs first in the browser (its messages
 * are catalogue keys), then the server's translated answer fills the same slots.
 */
export function useFormErrors() {
  const t = useTranslations();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const translate = (key: string, params?: Record<string, string>) =>
    t.has(key) ? t(key, params) : t(FORM_ERROR_KEYS.invalidInput);

  return {
    fieldErrors,
    formError,
    reset() {
      setFieldErrors({});
      setFormError(null);
    },
    /** Returns the parsed data, or null after showing the errors. */
    validate<S extends ZodType>(schema: S, data: unknown): z.output<S> | null {
      const result = schema.safeParse(data);
      if (result.success) return result.data;
      const flat = z.flattenError(result.error).fieldErrors as FieldErrors;
      setFieldErrors(Object.fromEntries(Object.entries(flat).map(([k, keys]) => [k, keys?.map((key) => translate(key))])));
      setFormError(t(FORM_ERROR_KEYS.checkFields));
      return null;
    },
    fromServer(error: TRPCClientErrorLike<AppRouter>) {
      setFieldErrors((error.data?.fieldErrors as FieldErrors | null) ?? {});
      setFormError(error.message);
    },
    /** Problems found by a shared rule (catalogue keys per field), shown like the schema's. */
    fromIssues(issues: readonly { field: string; messageKey: string }[]) {
      const fields: FieldErrors = {};
      for (const issue of issues) fields[issue.field] = [...(fields[issue.field] ?? []), translate(issue.messageKey)];
      setFieldErrors(fields);
      setFormError(t(FORM_ERROR_KEYS.checkFields));
    },
    fromKey(key: string, params?: Record<string, string>) {
      setFieldErrors({});
      setFormError(translate(key, params));
    },
  };
}
