"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { useFormErrors } from "@/components/auth/use-form-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { RichTextEditor } from "@/components/ui/rich-text-editor";
import { legalDraftSchema } from "@/lib/validation/legal";
import { trpc } from "@/trpc/react";

export interface LegalDraft {
  id: number;
  titleRu: string;
  titleKk: string;
  bodyRu: string;
  bodyKk: string;
}

/** The texts of a draft in both languages, in the rich editor; saving goes on to the preview. */
export function LegalDraftForm({ draft, locale }: { draft: LegalDraft; locale: string }) {
  const t = useTranslations("adminLegal");
  const router = useRouter();
  const errors = useFormErrors();
  const [bodyRu, setBodyRu] = useState(draft.bodyRu);
  const [bodyKk, setBodyKk] = useState(draft.bodyKk);
  const save = trpc.admin.legal.updateDraft.useMutation({
    onError: errors.fromServer,
    onSuccess: () => {
      router.push(`/${locale}/admin/legal/${draft.id}`);
      router.refresh();
    },
  });

  const LANGUAGES = [
    { lang: "ru", title: "titleRu", body: "bodyRu", setBody: setBodyRu },
    { lang: "kk", title: "titleKk", body: "bodyKk", setBody: setBodyKk },
  ] as const;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.reset();
    const form = new FormData(event.currentTarget);
    const input = errors.validate(legalDraftSchema, {
      id: draft.id,
      titleRu: form.get("legal-title-ru"),
      titleKk: form.get("legal-title-kk"),
      bodyRu,
      bodyKk,
    });
    if (input) save.mutate(input);
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      {LANGUAGES.map(({ lang, title, body, setBody }) => (
        <div key={lang} className="flex flex-col gap-4">
          <Field
            id={`legal-title-${lang}`}
            label={t(title)}
            defaultValue={draft[title]}
            errors={errors.fieldErrors[title]}
            lang={lang}
            required
          />
          <RichTextEditor
            id={`legal-body-${lang}`}
            label={t(body)}
            initialValue={draft[body]}
            onChange={setBody}
            errors={errors.fieldErrors[body]}
          />
        </div>
      ))}
      <Button type="submit" className="self-start" disabled={save.isPending}>
        {t("saveAndPreview")}
      </Button>
    </form>
  );
}
