import { isLocale, type AppLocale } from "@/i18n/routing";
import { dynamicTranslator } from "@/i18n/translator";
import { getCurrentUser } from "@/server/auth/current-user";
import { isDomainError } from "@/server/errors";
import { HIRING_RULE, requireMembership } from "@/server/auth/guards";
import { renderResumePdf, resumeDisposition } from "@/server/services/resumes/resume-pdf";
import { withDatabaseUnavailable } from "@/server/db-unavailable";
import { getMyResumeWithContacts, getResumeForOrganization } from "@/server/services/resumes/resumes";

// GET /api/resumes/{id}/pdf?locale=ru|kk — the resume as a PDF download.
// The seeker downloads their own; a member of an employer organisation downloads a resume that
// organisation may see (?organizationId=), under the same rules as the resume page. Anyone else
// gets 404, as if the resume did not exist. Never cached: the file holds personal data.

type Params = { params: Promise<{ id: string }> };

const positive = (value: string | null) => {
  const n = Number(value);
  return value && Number.isSafeInteger(n) && n > 0 ? n : null;
};

function problem(status: number, locale: AppLocale, key: string) {
  return Response.json(
    { error: { message: dynamicTranslator(locale).t(key) } },
    { status, headers: { "Cache-Control": "private, no-store" } },
  );
}

export const GET = withDatabaseUnavailable(async (request: Request, { params }: Params) => {
  const url = new URL(request.url);
  const requested = url.searchParams.get("locale");
  const locale: AppLocale = requested && isLocale(requested) ? requested : "ru";
  const id = (await params).id;
  const user = await getCurrentUser();
  if (!user) return problem(401, locale, "errors.unauthorized");

  const organizationId = positive(url.searchParams.get("organizationId"));
  // The seeker names their own resume by number; an organisation by its public id.
  const ownResumeId = positive(id);
  try {
    const document = organizationId
      ? await organizationCopy(user.id, organizationId, id, locale)
      : ownResumeId !== null
        ? await ownCopy(user.id, ownResumeId, locale)
        : null;
    if (!document) return problem(404, locale, "errors.resumes.notFound");
    const { pdf, title, number } = document;
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": resumeDisposition(title, number),
        "Content-Length": String(pdf.length),
        "Cache-Control": "private, no-store",
        "X-Robots-Tag": "noindex",
      },
    });
  } catch (error) {
    if (isDomainError(error)) return problem(404, locale, error.messageKey);
    throw error;
  }
});

/** A resume the organisation may see, for one of its members (404 for anyone else). */
async function organizationCopy(userId: number, organizationId: number, publicId: string, locale: AppLocale) {
  await requireMembership(userId, organizationId, { ...HIRING_RULE, minRole: "OBSERVER" });
  const seen = await getResumeForOrganization(organizationId, publicId);
  return { pdf: await renderResumePdf(seen.resume, seen.seeker, locale), title: seen.resume.title, number: seen.resume.id };
}

/** The seeker's own resume, with their own contacts. */
async function ownCopy(userId: number, resumeId: number, locale: AppLocale) {
  const { resume: own, person } = await getMyResumeWithContacts(userId, resumeId);
  const { userId: _userId, visibility: _visibility, hiddenFrom: _hidden, _count, ...resume } = own;
  return { pdf: await renderResumePdf(resume, person, locale), title: resume.title, number: resume.id };
}
