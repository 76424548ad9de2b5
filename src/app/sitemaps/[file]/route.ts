import { SITEMAP_CACHE_CONTROL, SITEMAP_CONTENT_TYPE, sitemapStream } from "@/server/services/seo/sitemap";

// Written from the database on request, batch by batch as it is sent; shared caches keep it for an hour.
export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const stream = await sitemapStream(file);
  if (!stream) {
    return new Response("Not found\n", {
      status: 404,
      // Short: a file that is empty now may be named by the index a few minutes later.
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=0, s-maxage=300" },
    });
  }
  return new Response(stream, {
    headers: { "Content-Type": SITEMAP_CONTENT_TYPE, "Cache-Control": SITEMAP_CACHE_CONTROL },
  });
}
