"use client";

import { useTranslations } from "next-intl";
import { useRef, type FormEvent } from "react";

import { useFormErrors } from "@/components/auth/use-form-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { refreshViewer } from "@/components/viewer/viewer-store";
import { Field } from "@/components/ui/field";
import { usePathname, useRouter } from "@/i18n/client-navigation";
import { updateProfileSchema } from "@/lib/validation/profile";
import { trpc } from "@/trpc/react";

export interface ProfileValues {
  name: string;
  phone: string | null;
  cityId: number | null;
  locale: "ru" | "kk";
}

/** Name, Kazakhstan mobile, city and the language of the interface and of our emails. */
export function ProfileForm(props: { values: ProfileValues; cities: { id: number; name: string }[] }) {
  const t = useTranslations("account");
  const router = useRouter();
  const pathname = usePathname();
  const errors = useFormErrors();
  const formRef = useRef<HTMLFormElement>(null);
  const update = trpc.account.updateProfile.useMutation({
    onError: errors.fromServer,
    onSuccess: async (saved) => {
      // Show the number as stored (E.164), whatever spelling was typed.
      const phone = formRef.current?.elements.namedItem("phone");
      if (phone instanceof HTMLInputElement) phone.value = saved.phone ?? "";
      // The header shows the name; the page's language follows the chosen one.
      await refreshViewer();
      if (saved.locale !== props.values.locale) router.replace(pathname, { locale: saved.locale });
      else router.refresh();
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.reset();
    update.reset();
    const form = new FormData(event.currentTarget);
    const city = String(form.get("cityId") ?? "");
    const input = errors.validate(updateProfileSchema, {
      name: form.get("name"),
      phone: form.get("phone") ?? "",
      cityId: city === "" ? null : Number(city),
      locale: form.get("locale"),
    });
    if (input) update.mutate(input);
  }

  const fe = errors.fieldErrors;
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-labelledby="profile-form-heading">
      <h2 id="profile-form-heading" className="text-lg font-semibold">
        {t("profileForm.title")}
      </h2>
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      {update.isSuccess ? <Alert tone="success">{t("profileForm.saved")}</Alert> : null}
      <Field
        id="name"
        label={t("profileForm.name")}
        autoComplete="name"
        required
        maxLength={120}
        defaultValue={props.values.name}
        errors={fe.name}
      />
      <Field
        id="phone"
        label={t("profileForm.phone")}
        type="tel"
        autoComplete="tel"
        inputMode="tel"
        placeholder="+7 701 123 45 67"
        hint={t("profileForm.phoneHint")}
        defaultValue={props.values.phone ?? ""}
        errors={fe.phone}
      />
      <div className="flex flex-col gap-1">
        <label htmlFor="cityId" className="text-sm font-medium text-gray-800">
          {t("profileForm.city")}
        </label>
        <select
          id="cityId"
          name="cityId"
          defaultValue={props.values.cityId ?? ""}
          aria-invalid={fe.cityId?.length ? true : undefined}
          aria-describedby={fe.cityId?.length ? "cityId-error" : undefined}
          className={`rounded-md border px-3 py-2 text-base ${fe.cityId?.length ? "border-red-600" : "border-gray-400"}`}
        >
          <option value="">{t("profileForm.noCity")}</option>
          {props.cities.map((city) => (
            <option key={city.id} value={city.id}>
              {city.name}
            </option>
          ))}
        </select>
        {fe.cityId?.length ? (
          <p id="cityId-error" className="text-sm text-red-700">
            {fe.cityId.join(" ")}
          </p>
        ) : null}
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="locale" className="text-sm font-medium text-gray-800">
          {t("profileForm.locale")}
        </label>
        <select
          id="locale"
          name="locale"
          defaultValue={props.values.locale}
          aria-describedby="locale-hint"
          className="rounded-md border border-gray-400 px-3 py-2 text-base"
        >
          <option value="ru" lang="ru">
            {t("languages.ru")}
          </option>
          <option value="kk" lang="kk">
            {t("languages.kk")}
          </option>
        </select>
        <p id="locale-hint" className="text-xs text-gray-600">
          {t("profileForm.localeHint")}
        </p>
      </div>
      <Button type="submit" disabled={update.isPending} className="self-start">
        {update.isPending ? t("profileForm.saving") : t("profileForm.save")}
      </Button>
    </form>
  );
}
