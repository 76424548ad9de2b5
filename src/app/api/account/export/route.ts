import { isLocale, type AppLocale } from "@/i18n/routing";
import { dynamicTranslator } from "@/i18n/translator";
import { getCurrentUser } from "@/server/auth/current-user";
import { exportAccountData } from "@/server/services/account/export-data";
import { withDatabaseUnavailable } from "@/server/db-unavailable";

// GET: the signed-in person's data as a JSON file (SPEC §3 "Export my data"). Never cached, by
// anyone: the answer is one person's data. Signed out: 401 with a message in the page's language.

export const dynamic = "force-dynamic";

const PRIVATE = {
  "Cache-Control": "no-store, private, max-age=0",
  Pragma: "no-cache",
  "X-Content-Type-Options": "nosniff",
  // Other sites may not embed or read it, even with the session cookie attached.
  "Cross-Origin-Resource-Policy": "same-origin",
};

function localeOf(request: Request): AppLocale {
  const fromQuery = new URL(request.url).searchParams.get("locale");
  if (isLocale(fromQuery)) return fromQuery;
  const cookie = request.headers
    .get("cookie")
    ?.split(";")
    .map((part) => part.trim().split("="))
    .find(([key]) => key === "NEXT_LOCALE")?.[1];
  return isLocale(cookie) ? cookie : "ru";
}

export const GET = withDatabaseUnavailable(async (request: Request) => {
  const user = await getCurrentUser();
  if (!user) {
    const { t } = dynamicTranslator(localeOf(request));
    return Response.json({ error: { message: t("errors.unauthorized") } }, { status: 401, headers: PRIVATE });
  }
  const data = await exportAccountData(user.id);
  const day = data.exportedAt.slice(0, 10);
  return new Response(JSON.stringify(data, null, 2), {
    status: 200,
    headers: {
      ...PRIVATE,
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="jumys-data-${user.id}-${day}.json"`,
    },
  });
});
