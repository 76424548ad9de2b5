"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { useFormErrors } from "@/components/auth/use-form-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { resetStaffTotpSchema } from "@/lib/validation/staff";
import { trpc } from "@/trpc/react";

/** A superadmin removes a staff member's second factor (lost phone); they enrol again. */
export function StaffTotpResetForm() {
  const t = useTranslations("adminStaff");
  const router = useRouter();
  const errors = useFormErrors();
  const [notice, setNotice] = useState<string | null>(null);
  const reset = trpc.admin.staff.resetTotp.useMutation({
    onMutate: () => setNotice(null),
    onError: errors.fromServer,
    onSuccess: () => {
      setNotice(t("resetDone"));
      router.refresh();
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.reset();
    const input = errors.validate(resetStaffTotpSchema, { email: new FormData(event.currentTarget).get("totp-reset-email") });
    if (input) reset.mutate(input);
  }

  return (
    <section aria-labelledby="totp-reset" className="flex flex-col gap-3">
      <h2 id="totp-reset" className="text-xl font-semibold">
        {t("resetTitle")}
      </h2>
      <p className="text-sm text-gray-700">{t("resetHint")}</p>
      <div aria-live="polite">{notice ? <Alert tone="success">{notice}</Alert> : null}</div>
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <form onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-3 sm:items-end" noValidate>
        <Field
          id="totp-reset-email"
          type="email"
          autoComplete="off"
          label={t("resetEmail")}
          errors={errors.fieldErrors.email}
          required
          className="sm:col-span-2"
        />
        <Button type="submit" variant="secondary" disabled={reset.isPending} className="self-end">
          {t("reset")}
        </Button>
      </form>
    </section>
  );
}
