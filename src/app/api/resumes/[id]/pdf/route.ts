import { isLocale, type AppLocale } from "@/i18n/routing";
import { dynamicTranslator } from "@/i18n/translator";
import { getCurrentUser } from "@/server/auth/current-user";
import { db } from "@/server/db";
import { isDomainError } from "@/server/errors";
import { EMPLOYER_ORG_TYPES } from "@/server/api/trpc";
import { renderResumePdf, resumeDisposition } from "@/server/services/resumes/resume-pdf";
import { getMyResume, getResumeForOrganization } from "@/server/services/resumes/resumes";
import { withDatabaseUnavailable } from "@/server/db-unavailable";

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
  const resumeId = positive((await params).id);
  const user = await getCurrentUser();
  if (!user) return problem(401, locale, "errors.unauthorized");
  if (!resumeId) return problem(404, locale, "errors.resumes.notFound");

  const organizationId = positive(url.searchParams.get("organizationId"));
  try {
    let pdf: Buffer;
    let title: string;
    if (organizationId) {
      const membership = await db.membership.findUnique({
        where: { userId_organizationId: { userId: user.id, organizationId } },
        select: { organization: { select: { type: true } } },
      });
      if (!membership || !EMPLOYER_ORG_TYPES.includes(membership.organization.type)) {
        return problem(404, locale, "errors.resumes.notFound");
      }
      const seen = await getResumeForOrganization(organizationId, resumeId);
      pdf = await renderResumePdf(seen.resume, seen.seeker, locale);
      title = seen.resume.title;
    } else {
      const {
        userId: _userId,
        visibility: _visibility,
        hiddenFrom: _hidden,
        _count,
        ...resume
      } = await getMyResume(user.id, resumeId);
      const person = await db.user.findUniqueOrThrow({
        where: { id: user.id },
        select: { name: true, email: true, phone: true },
      });
      pdf = await renderResumePdf(resume, person, locale);
      title = resume.title;
    }
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": resumeDisposition(title, resumeId),
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
