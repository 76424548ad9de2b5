import { db } from "@/server/db";

// A company's logo for structured data and social cards: the uploaded image when there is one,
// otherwise a monogram drawn from its name. Blocked organisations and unknown ids get 404.
export const dynamic = "force-dynamic";

const COLORS = ["#0f766e", "#075985", "#4338ca", "#9f1239", "#92400e", "#065f46"];
const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (ch) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[ch] ?? ch);

export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const match = /^(\d{1,9})\.svg$/.exec(file);
  const org = match
    ? await db.organization.findFirst({
        where: { id: Number(match[1]), blockedAt: null },
        select: { displayName: true, logoPath: true },
      })
    : null;
  if (!org) return new Response("Not found", { status: 404 });
  if (org.logoPath) return Response.redirect(new URL(org.logoPath, request.url), 302);

  const letters = org.displayName
    .replace(/["«»]/g, "")
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => [...word][0]?.toUpperCase() ?? "")
    .join("");
  const color = COLORS[[...org.displayName].reduce((sum, ch) => sum + (ch.codePointAt(0) ?? 0), 0) % COLORS.length];
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">` +
    `<rect width="256" height="256" rx="32" fill="${color}"/>` +
    `<text x="128" y="128" dy=".35em" text-anchor="middle" font-family="Noto Sans, Arial, sans-serif" font-size="104" font-weight="700" fill="#fff">${escapeXml(letters)}</text>` +
    `</svg>`;
  return new Response(svg, {
    headers: { "Content-Type": "image/svg+xml; charset=utf-8", "Cache-Control": "public, max-age=86400" },
  });
}
