"use client";

import { signOut } from "next-auth/react";
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent } from "react";

import { useFormErrors } from "@/components/auth/use-form-errors";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { deleteAccountSchema } from "@/lib/validation/profile";
import { trpc } from "@/trpc/react";

/**
 * Deleting the account for good: the current password and the address typed out. Refused (and
 * explained) while the person alone owns an organisation.
 */
export function DeleteAccountForm(props: { email: string; soleOwnerOf: { id: number; displayName: string }[] }) {
  const t = useTranslations("account.delete");
  const locale = useLocale();
  const errors = useFormErrors();
  const remove = trpc.account.deleteAccount.useMutation({
    onError: errors.fromServer,
    // The session row is gone with the account; this clears the cookie.
    onSuccess: () => void signOut({ callbackUrl: `/${locale}` }),
  });
  const blocked = props.soleOwnerOf.length > 0;

  // The same rule as the server's, checked first so a typo costs no password attempt.
  const schema = deleteAccountSchema.refine((v) => v.confirmation.toLowerCase() === props.email.toLowerCase(), {
    path: ["confirmation"],
    message: "errors.account.confirmationMismatch",
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.reset();
    const form = new FormData(event.currentTarget);
    const input = errors.validate(schema, {
      currentPassword: form.get("deleteCurrentPassword"),
      confirmation: form.get("deleteConfirmation"),
    });
    if (input) remove.mutate(input);
  }

  const fe = errors.fieldErrors;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-labelledby="delete-heading">
      <h2 id="delete-heading" className="text-lg font-semibold text-red-800">
        {t("title")}
      </h2>
      <p className="text-sm text-gray-800">{t("text")}</p>
      {blocked ? (
        <Alert tone="info">
          {t("soleOwner", { organizations: props.soleOwnerOf.map((o) => `«${o.displayName}»`).join(", ") })}
        </Alert>
      ) : null}
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <Field
        id="deleteCurrentPassword"
        label={t("currentPassword")}
        type="password"
        autoComplete="current-password"
        required
        disabled={blocked}
        errors={fe.currentPassword}
      />
      <Field
        id="deleteConfirmation"
        label={t("confirmation", { email: props.email })}
        type="email"
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        required
        disabled={blocked}
        errors={fe.confirmation}
      />
      <button
        type="submit"
        disabled={blocked || remove.isPending}
        className="self-start rounded-md bg-red-700 px-4 py-2 text-base font-medium text-white hover:bg-red-800 disabled:bg-gray-400"
      >
        {remove.isPending ? t("deleting") : t("submit")}
      </button>
    </form>
  );
}
