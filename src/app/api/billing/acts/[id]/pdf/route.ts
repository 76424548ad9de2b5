import { documentPdfRoute } from "@/server/services/billing/documents/pdf-route";

// GET ?lang=ru|kk: the act as a PDF download; who may read it is decided in the service.
export const GET = documentPdfRoute("act");
