import { dynamicTranslator } from "@/i18n/translator";
import { getCurrentUser } from "@/server/auth/current-user";
import { requireSecondFactor } from "@/server/auth/guards";
import { withDatabaseUnavailable } from "@/server/db-unavailable";
import { isDomainError } from "@/server/errors";
import { requestMeta } from "@/server/request-meta";

import type { DocumentLanguage } from "./amount-in-words";
import { actPdf, invoicePdf } from "./load-documents";
import { documentDisposition } from "./render";

// GET /api/billing/{invoices|acts}/{id}/pdf?lang=ru|kk — the document as a download, in the
// language the reader asks for (Russian by default). Guests 401; staff before their second factor
// 403; anyone who may not read the organisation's billing 404, as if the document did not exist
// (the reader check turns a refused membership into "not found"). Never cached.

type Params = { params: Promise<{ id: string }> };

const STATUS = { UNAUTHORIZED: 401, NOT_FOUND: 404, FORBIDDEN: 403, UNAVAILABLE: 503 } as const;

function problem(status: number, language: DocumentLanguage, key: string) {
  return Response.json(
    { error: { message: dynamicTranslator(language).t(key) } },
    { status, headers: { "Cache-Control": "private, no-store" } },
  );
}

export function documentPdfRoute(kind: "invoice" | "act") {
  return withDatabaseUnavailable(async (request: Request, { params }: Params) => {
    const language: DocumentLanguage = new URL(request.url).searchParams.get("lang") === "kk" ? "kk" : "ru";
    const user = await getCurrentUser();
    if (!user) return problem(401, language, "errors.unauthorized");
    const raw = (await params).id;
    const id = /^\d{1,9}$/.test(raw) ? Number(raw) : 0;
    if (id <= 0) return problem(404, language, "errors.billing.documentNotFound");
    try {
      requireSecondFactor(user);
      const actor = { userId: user.id, ip: requestMeta(request.headers).ip };
      const { pdf, number } = await (kind === "invoice" ? invoicePdf : actPdf)(actor, id, language);
      return new Response(new Uint8Array(pdf), {
        headers: {
          "Content-Type": "application/pdf",
          "Content-Disposition": documentDisposition(kind, number),
          "Content-Length": String(pdf.length),
          "Cache-Control": "private, no-store",
          "X-Robots-Tag": "noindex",
        },
      });
    } catch (error) {
      if (isDomainError(error) && error.code in STATUS) {
        return problem(STATUS[error.code as keyof typeof STATUS], language, error.messageKey);
      }
      throw error;
    }
  });
}
