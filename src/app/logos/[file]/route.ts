import { escapeXml } from "@/lib/escape";
import { getLogoMonogramSource, getServedLogo } from "@/server/services/organizations/public-organization";

// A company's logo for structured data and social cards: /logos/{id}.svg redirects to the uploaded
// image when there is one, otherwise draws a monogram from its name. Blocked organisations and
// unknown ids get 404.
export const dynamic = "force-dynamic";

const COLORS = ["#0f766e", "#075985", "#4338ca", "#9f1239", "#92400e", "#065f46"];

// An uploaded logo at /logos/{id}-{version}.webp: the version changes with every upload, so the
// bytes at one URL never change and may be cached for good. An older version (a page cached before
// the upload) is sent to the current one for a day, so no cached page shows a broken image.
async function uploadedLogo(file: string) {
  const match = /^(\d{1,9})-([0-9a-z]{1,16})\.webp$/.exec(file);
  if (!match) return null;
  const org = await getServedLogo(Number(match[1]));
  if (!org?.logo || !org.logoPath) return new Response("Not found", { status: 404 });
  if (org.logoPath !== `/logos/${file}`) {
    return new Response(null, { status: 302, headers: { Location: org.logoPath, "Cache-Control": "public, max-age=86400" } });
  }
  return new Response(new Uint8Array(org.logo.content), {
    headers: {
      "Content-Type": org.logo.contentType,
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const uploaded = await uploadedLogo(file);
  if (uploaded) return uploaded;
  const match = /^(\d{1,9})\.svg$/.exec(file);
  const org = match ? await getLogoMonogramSource(Number(match[1])) : null;
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
