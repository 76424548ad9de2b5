"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { useFormErrors } from "@/components/auth/use-form-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, TextAreaField } from "@/components/ui/field";
import { trpc } from "@/trpc/react";

/**
 * The application form. It lists exactly what the employer will receive, and asks for a phone
 * only when the profile has none.
 */
export function ApplyForm(props: {
  vacancyId: number;
  seeker: { name: string; email: string; phone: string | null };
  resumes: { id: number; title: string }[];
}) {
  const t = useTranslations("apply");
  const locale = useLocale();
  const router = useRouter();
  const errors = useFormErrors();
  const [resumeId, setResumeId] = useState<number | null>(props.resumes[0]?.id ?? null);
  const [phone, setPhone] = useState("");
  const apply = trpc.seeker.applications.submit.useMutation({
    onError: errors.fromServer,
    onSuccess: () => router.push(`/${locale}/seeker/applications`),
  });
  const resume = props.resumes.find((r) => r.id === resumeId);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.reset();
    const form = new FormData(event.currentTarget);
    apply.mutate({
      vacancyId: props.vacancyId,
      resumeId,
      message: String(form.get("message") ?? ""),
      phone: props.seeker.phone ? null : phone,
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium text-gray-800">{t("resume")}</legend>
        {props.resumes.map((r) => (
          <label key={r.id} className="flex items-center gap-2">
            <input type="radio" name="resumeId" value={r.id} checked={resumeId === r.id} onChange={() => setResumeId(r.id)} />
            {r.title}
          </label>
        ))}
        <label className="flex items-center gap-2">
          <input type="radio" name="resumeId" value="" checked={resumeId === null} onChange={() => setResumeId(null)} />
          {t("noResume")}
        </label>
        {errors.fieldErrors.resumeId?.length ? (
          <p className="text-sm text-red-700">{errors.fieldErrors.resumeId.join(" ")}</p>
        ) : null}
        <p className="text-sm">
          <a href={`/${locale}/seeker/resumes/new`} className="text-brand-800 underline">
            {props.resumes.length ? t("anotherResume") : t("createResume")}
          </a>
        </p>
      </fieldset>
      <TextAreaField
        id="message"
        label={t("message")}
        hint={t("messageHint")}
        rows={6}
        maxLength={4000}
        errors={errors.fieldErrors.message}
      />
      {props.seeker.phone ? null : (
        <Field
          id="phone"
          label={t("phone")}
          hint={t("phoneHint")}
          type="tel"
          autoComplete="tel"
          value={phone}
          onChange={(event) => setPhone(event.target.value)}
          required
          errors={errors.fieldErrors.phone}
        />
      )}
      <section aria-labelledby="shared-heading" className="rounded-md border border-gray-200 bg-gray-50 p-3 text-sm">
        <h2 id="shared-heading" className="font-medium">
          {t("shared")}
        </h2>
        <ul className="mt-1 list-disc pl-5">
          <li>{t("sharedName", { name: props.seeker.name })}</li>
          <li>{t("sharedEmail", { email: props.seeker.email })}</li>
          <li>{t("sharedPhone", { phone: props.seeker.phone ?? (phone || "—") })}</li>
          {resume ? <li>{t("sharedResume", { title: resume.title })}</li> : null}
          <li>{t("sharedMessage")}</li>
        </ul>
      </section>
      <Button type="submit" disabled={apply.isPending} className="self-start">
        {t("submit")}
      </Button>
    </form>
  );
}
