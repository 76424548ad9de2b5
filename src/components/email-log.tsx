import { getTranslations } from "next-intl/server";

import { Link } from "@/i18n/navigation";
import type { AppLocale } from "@/i18n/routing";
import { formatDate } from "@/lib/format";

interface EmailRow {
  id: number;
  toAddress: string;
  subject: string;
  template: string;
  status: string;
  transport: string;
  error: string | null;
  createdAt: Date;
}

interface EmailDetail extends EmailRow {
  fromAddress: string;
  html: string;
  text: string;
  headers: unknown;
}

/** The email log table, shared by the admin console and the development outbox page. */
export async function EmailLogTable({
  rows,
  basePath,
  locale,
}: {
  rows: EmailRow[];
  basePath: "/admin/emails" | "/dev/outbox";
  locale: AppLocale;
}) {
  const t = await getTranslations({ locale, namespace: "emails" });
  if (rows.length === 0) return <p className="text-gray-700">{t("empty")}</p>;
  return (
    <div className="overflow-x-auto rounded-md border border-gray-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t("title")}</caption>
        <thead className="bg-gray-100">
          <tr>
            <th scope="col" className="px-3 py-2">
              {t("date")}
            </th>
            <th scope="col" className="px-3 py-2">
              {t("to")}
            </th>
            <th scope="col" className="px-3 py-2">
              {t("subject")}
            </th>
            <th scope="col" className="px-3 py-2">
              {t("status")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => (
            <tr key={e.id} className="border-t border-gray-200">
              <td className="whitespace-nowrap px-3 py-2">{formatDate(e.createdAt, locale, "short", { time: "seconds" })}</td>
              <td className="px-3 py-2">{e.toAddress}</td>
              <td className="px-3 py-2">
                <Link href={{ pathname: `${basePath}/${e.id}` }} className="text-brand-700 underline">
                  {e.subject}
                </Link>
              </td>
              <td className="px-3 py-2">
                {t(`statuses.${e.status as "QUEUED" | "CAPTURED" | "SENT" | "FAILED"}`)}
                {e.error ? <span className="block text-red-700">{e.error}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export async function EmailView({ email, locale }: { email: EmailDetail; locale: AppLocale }) {
  const t = await getTranslations({ locale, namespace: "emails" });
  return (
    <article className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{email.subject}</h1>
      <dl className="grid grid-cols-1 gap-1 text-sm sm:grid-cols-[8rem_1fr]">
        <dt className="text-gray-700">{t("from")}</dt>
        <dd>{email.fromAddress}</dd>
        <dt className="text-gray-700">{t("to")}</dt>
        <dd>{email.toAddress}</dd>
        <dt className="text-gray-700">{t("status")}</dt>
        <dd>{t(`statuses.${email.status as "QUEUED" | "CAPTURED" | "SENT" | "FAILED"}`)}</dd>
        <dt className="text-gray-700">{t("template")}</dt>
        <dd>{email.template}</dd>
      </dl>
      <h2 className="text-lg font-semibold">{t("html")}</h2>
      {/* No scripts, forms or same-origin access for stored HTML. */}
      <iframe
        title={t("html")}
        sandbox=""
        srcDoc={email.html}
        className="h-96 w-full rounded-md border border-gray-300 bg-white"
      />
      <h2 className="text-lg font-semibold">{t("text")}</h2>
      <pre
        data-testid="email-text"
        className="overflow-x-auto whitespace-pre-wrap rounded-md border border-gray-300 bg-white p-3 text-sm"
      >
        {email.text}
      </pre>
    </article>
  );
}
