"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, type FormEvent } from "react";

import { useFormErrors } from "@/components/auth/use-form-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { useNotice } from "@/components/ui/page-notice";
import { addTermSchema } from "@/lib/validation/moderation";
import { trpc } from "@/trpc/react";

const LANGUAGES = ["ru", "kk", "both"] as const;
const KINDS = ["PROFANITY", "PROHIBITED"] as const;
const MATCHES = ["WORD", "STEM"] as const;

/** Adds a term to the prohibited-words list. */
export function AddTermForm() {
  const t = useTranslations("adminWords");
  const router = useRouter();
  const errors = useFormErrors();
  const notice = useNotice();
  const form = useRef<HTMLFormElement>(null);
  const add = trpc.admin.terms.add.useMutation({
    onMutate: () => notice.show(null),
    onError: (error) => errors.fromServer(error),
    onSuccess: (term) => {
      notice.show(t("added", { term: term.term }));
      form.current?.reset();
      router.refresh();
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.reset();
    const data = new FormData(event.currentTarget);
    const input = errors.validate(addTermSchema, {
      term: data.get("term"),
      language: data.get("language"),
      kind: data.get("kind"),
      match: data.get("match"),
    });
    if (input) add.mutate(input);
  }

  return (
    <form
      ref={form}
      onSubmit={submit}
      noValidate
      aria-labelledby="add-term-title"
      className="flex flex-col gap-3 rounded-md border border-gray-200 bg-white p-4"
    >
      <h2 id="add-term-title" className="text-lg font-semibold">
        {t("addTitle")}
      </h2>
      {notice.region}
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <div className="grid gap-3 md:grid-cols-4">
        <Field
          id="term"
          name="term"
          label={t("term")}
          maxLength={100}
          autoComplete="off"
          errors={errors.fieldErrors.term}
          required
        />
        <SelectField
          id="term-language"
          name="language"
          label={t("language")}
          errors={errors.fieldErrors.language}
          defaultValue="ru"
        >
          {LANGUAGES.map((value) => (
            <option key={value} value={value}>
              {t(`languages.${value}`)}
            </option>
          ))}
        </SelectField>
        <SelectField id="term-kind" name="kind" label={t("kind")} errors={errors.fieldErrors.kind} defaultValue="PROFANITY">
          {KINDS.map((value) => (
            <option key={value} value={value}>
              {t(`kinds.${value}`)}
            </option>
          ))}
        </SelectField>
        <SelectField id="term-match" name="match" label={t("match")} errors={errors.fieldErrors.match} defaultValue="WORD">
          {MATCHES.map((value) => (
            <option key={value} value={value}>
              {t(`matches.${value}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <Button type="submit" disabled={add.isPending} className="self-start">
        {t("add")}
      </Button>
    </form>
  );
}

/** Removes one term; the message stays above the list the term leaves. */
export function RemoveTermButton({ termId, term }: { termId: number; term: string }) {
  const t = useTranslations("adminWords");
  const router = useRouter();
  const errors = useFormErrors();
  const notice = useNotice();
  const remove = trpc.admin.terms.remove.useMutation({
    onMutate: () => notice.show(null),
    onError: (error) => errors.fromServer(error),
    onSuccess: () => {
      notice.show(t("removed", { term }));
      router.refresh();
    },
  });
  return (
    <div className="flex flex-col gap-1">
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <Button
        type="button"
        variant="secondary"
        aria-label={t("removeLabel", { term })}
        disabled={remove.isPending}
        onClick={() => remove.mutate({ termId })}
      >
        {t("remove")}
      </Button>
    </div>
  );
}
