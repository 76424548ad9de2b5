import { SITEMAP_CACHE_CONTROL, SITEMAP_CONTENT_TYPE, sitemapIndexXml } from "@/server/services/seo/sitemap";

// Read from the database on request (the build has none); shared caches keep it for an hour.
export const dynamic = "force-dynamic";

// Building the index reads every live vacancy once, so this process builds it at most once per
// interval and concurrent requests wait for the same build: requests cannot multiply that work.
// The files it names are not held back: they are read on each request.
const REUSE_MS = 5 * 60_000;
let current: { until: number; xml: Promise<string> } | undefined;

function indexXml(): Promise<string> {
  const now = Date.now();
  if (current && current.until > now) return current.xml;
  const xml = sitemapIndexXml(new Date(now));
  const entry = { until: now + REUSE_MS, xml };
  current = entry;
  xml.catch(() => {
    // A failed build is not reused: the next request tries again.
    if (current === entry) current = undefined;
  });
  return xml;
}

export async function GET() {
  return new Response(await indexXml(), {
    headers: { "Content-Type": SITEMAP_CONTENT_TYPE, "Cache-Control": SITEMAP_CACHE_CONTROL },
  });
}
