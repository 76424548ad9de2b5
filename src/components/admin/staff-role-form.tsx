"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { useFormErrors } from "@/components/auth/use-form-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { setStaffRoleSchema, STAFF_ROLES } from "@/lib/validation/staff";
import { trpc } from "@/trpc/react";

/** Gives an account a staff role, changes it or takes it away, by the account's email. */
export function StaffRoleForm() {
  const t = useTranslations("adminStaff");
  const router = useRouter();
  const errors = useFormErrors();
  const [notice, setNotice] = useState<string | null>(null);
  const setRole = trpc.admin.staff.setRole.useMutation({
    onMutate: () => setNotice(null),
    onError: errors.fromServer,
    onSuccess: (result) => {
      setNotice(result.changed ? t("saved") : t("unchanged"));
      router.refresh();
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.reset();
    const form = new FormData(event.currentTarget);
    const role = String(form.get("staff-role") ?? "");
    const input = errors.validate(setStaffRoleSchema, { email: form.get("staff-email"), role: role === "" ? null : role });
    if (input) setRole.mutate(input);
  }

  return (
    <section aria-labelledby="staff-form" className="flex flex-col gap-3">
      <h2 id="staff-form" className="text-xl font-semibold">
        {t("formTitle")}
      </h2>
      <div aria-live="polite">{notice ? <Alert tone="success">{notice}</Alert> : null}</div>
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <form onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-3 sm:items-end" noValidate>
        <Field id="staff-email" type="email" autoComplete="off" label={t("email")} errors={errors.fieldErrors.email} required />
        <SelectField id="staff-role" label={t("role")} defaultValue="MODERATOR" errors={errors.fieldErrors.role}>
          {STAFF_ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
          <option value="">{t("noRole")}</option>
        </SelectField>
        <Button type="submit" disabled={setRole.isPending} className="self-end">
          {t("save")}
        </Button>
      </form>
    </section>
  );
}
