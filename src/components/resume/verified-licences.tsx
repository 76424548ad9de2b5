import { getTranslations } from "next-intl/server";

import { licenceLabel } from "@/lib/format";
import type { VerifiedLicenceBadge } from "@/server/services/resumes/verified-licences";

/** "категория C — обучение в <school>, 2026": one line of a badge, in the reader's language. */
export async function verifiedBadgeText(locale: string) {
  const t = await getTranslations({ locale, namespace: "resumes.document" });
  return (l: VerifiedLicenceBadge) =>
    t("verifiedBadge", { category: licenceLabel(l.category), school: l.schoolName, year: l.certificateDate.getUTCFullYear() });
}

/** The categories a driving school verified, as badges (the resume page, the employer's view). */
export async function VerifiedLicences({ licences, locale }: { licences: VerifiedLicenceBadge[]; locale: string }) {
  if (licences.length === 0) return null;
  const t = await getTranslations({ locale, namespace: "resumes.document" });
  const text = await verifiedBadgeText(locale);
  return (
    <ul className="flex flex-wrap gap-2 text-sm" aria-label={t("verifiedLicences")}>
      {licences.map((l) => (
        <li
          key={`${l.category}-${l.schoolName}`}
          className="flex items-center gap-1 rounded-md border border-emerald-700 bg-emerald-50 px-2 py-1 text-emerald-900"
        >
          <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 fill-current">
            <path d="M8 13.6 4.4 10l-1.4 1.4L8 16.4l9-9L15.6 6z" />
          </svg>
          <span className="font-medium">{text(l)}</span>
          <span className="sr-only">({t("verifiedMark")})</span>
        </li>
      ))}
    </ul>
  );
}
