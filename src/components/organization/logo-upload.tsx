"use client";

/* eslint-disable @next/next/no-img-element -- the logo is a small stored WebP served as it is */
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useRef, useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";

/** The same limit the server applies; checked here only to spare a long upload. */
const MAX_BYTES = 5 * 1024 * 1024;
const ACCEPT = "image/png,image/jpeg,image/webp,image/gif";

type Outcome = { ok: true; logoPath: string | null } | { ok: false; message: string | null };

/**
 * Sends the request with XMLHttpRequest rather than fetch for the upload's progress. The answer
 * is `{ logoPath }`, or `{ error: { message } }` already translated for `locale`.
 */
function send(
  method: "POST" | "DELETE",
  url: string,
  locale: string,
  body: FormData | null,
  onProgress: (fraction: number) => void,
): Promise<Outcome> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    xhr.setRequestHeader("x-locale", locale);
    xhr.responseType = "json";
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      const data = xhr.response as { logoPath?: string | null; error?: { message?: string } } | null;
      if (xhr.status >= 200 && xhr.status < 300) resolve({ ok: true, logoPath: data?.logoPath ?? null });
      else resolve({ ok: false, message: data?.error?.message ?? null });
    };
    xhr.onerror = () => resolve({ ok: false, message: null });
    xhr.send(body);
  });
}

/**
 * An organisation owner's logo control: the current logo, a file picker, upload and remove.
 * The server validates and resizes the image; its translated error is shown as it comes.
 */
export function LogoUpload({
  organizationId,
  logoPath,
  name,
}: {
  organizationId: number;
  logoPath: string | null;
  name: string;
}) {
  const t = useTranslations("organizationLogo");
  const locale = useLocale();
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<"upload" | "remove" | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState("");
  // The answer's logo until the refreshed page brings a different `logoPath`.
  const [changed, setChanged] = useState<{ from: string | null; to: string | null } | null>(null);
  const current = changed && changed.from === logoPath ? changed.to : logoPath;

  const inputId = `organization-logo-${organizationId}`;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const url = `/api/organizations/${organizationId}/logo`;

  async function run(kind: "upload" | "remove", body: FormData | null) {
    setBusy(kind);
    setError(null);
    setNotice("");
    setProgress(kind === "upload" ? 0 : null);
    const outcome = await send(kind === "upload" ? "POST" : "DELETE", url, locale, body, setProgress);
    setBusy(null);
    setProgress(null);
    if (!outcome.ok) {
      setError(outcome.message ?? t("failed"));
      return;
    }
    setChanged({ from: logoPath, to: outcome.logoPath });
    setNotice(t(kind === "upload" ? "saved" : "removed"));
    formRef.current?.reset();
    router.refresh();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = inputRef.current?.files?.[0];
    const problem = !file ? t("chooseFile") : file.size > MAX_BYTES ? t("tooLarge") : null;
    if (problem || !file) {
      setNotice("");
      setError(problem);
      inputRef.current?.focus();
      return;
    }
    const body = new FormData();
    body.append("logo", file);
    void run("upload", body);
  }

  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      noValidate
      aria-busy={busy !== null}
      className="flex flex-col gap-4 rounded-md border border-gray-300 bg-white p-4"
    >
      {current ? (
        <figure className="flex items-center gap-3">
          <img
            src={current}
            alt={name}
            width={96}
            height={96}
            className="h-24 w-24 shrink-0 rounded-md border border-gray-200 bg-white object-contain"
          />
          <figcaption className="text-sm text-gray-700">{t("current")}</figcaption>
        </figure>
      ) : null}

      <div className="flex flex-col gap-1">
        <label htmlFor={inputId} className="text-sm font-medium text-gray-800">
          {t("label")}
        </label>
        <input
          ref={inputRef}
          id={inputId}
          name="logo"
          type="file"
          accept={ACCEPT}
          disabled={busy !== null}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${hintId} ${errorId}` : hintId}
          onChange={() => setError(null)}
          className={`w-full max-w-full rounded-md border bg-white px-3 py-2 text-base text-gray-900 file:mr-3 file:rounded-md file:border-0 file:bg-gray-100 file:px-3 file:py-1 file:text-sm file:font-medium file:text-gray-900 hover:file:bg-gray-200 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700 ${error ? "border-red-600" : "border-gray-400"}`}
        />
        <p id={hintId} className="text-xs text-gray-600">
          {t("hint")}
        </p>
        {error ? (
          <p id={errorId} role="alert" className="text-sm text-red-700">
            {error}
          </p>
        ) : null}
      </div>

      {progress !== null ? (
        <progress
          value={progress}
          max={1}
          aria-label={t("uploading")}
          className="h-2 w-full overflow-hidden rounded-full accent-brand-700"
        />
      ) : null}

      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={busy !== null} className="w-full sm:w-auto">
          {busy === "upload" ? t("uploading") : t("upload")}
        </Button>
        {current ? (
          <Button
            type="button"
            variant="secondary"
            disabled={busy !== null}
            onClick={() => void run("remove", null)}
            className="w-full disabled:opacity-60 sm:w-auto"
          >
            {busy === "remove" ? t("removing") : t("remove")}
          </Button>
        ) : null}
      </div>

      <p aria-live="polite" className="text-sm text-green-800">
        {notice}
      </p>
    </form>
  );
}
