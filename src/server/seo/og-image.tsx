import "server-only";

import { readFile } from "node:fs/promises";
import path from "node:path";

import { ImageResponse } from "next/og";

import { ACCENT_COLOR, BRAND_COLOR, BRAND_DARK } from "@/lib/brand";

// Open Graph images (PNG, 1200×630: social networks ignore SVG). Rendered by next/og with Noto
// Sans from an npm package, read from disk: it covers Latin, Cyrillic and the Kazakh letters
// (ә ғ қ ң ө ұ ү һ і), so no glyph is missing and the renderer never tries to download a
// fallback font (or an emoji image) from the internet. Text is reduced to the scripts the font
// covers for the same reason.

export const OG_SIZE = { width: 1200, height: 630 };
export const OG_CONTENT_TYPE = "image/png";

const FONT_DIR = path.join(process.cwd(), "node_modules", "@expo-google-fonts", "noto-sans");
let fonts: Promise<{ regular: Buffer; bold: Buffer }> | null = null;
function loadFonts() {
  fonts ??= Promise.all([
    readFile(path.join(FONT_DIR, "400Regular", "NotoSans_400Regular.ttf")),
    readFile(path.join(FONT_DIR, "700Bold", "NotoSans_700Bold.ttf")),
  ]).then(([regular, bold]) => ({ regular, bold }));
  return fonts;
}

// Letters, digits, punctuation and symbols of the scripts Noto Sans covers; emoji and anything
// else is dropped (the renderer would try to fetch a font or an image for them).
const UNCOVERED = /\p{Extended_Pictographic}|[^\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Common}\p{M}]/gu;

/** The text as the image may carry it: covered characters only, whitespace collapsed, at most `max` characters. */
export function ogText(value: string, max: number): string {
  const clean = value.replace(UNCOVERED, "").replace(/\s+/g, " ").trim();
  return clean.length > max ? `${clean.slice(0, max - 1).trimEnd()}…` : clean;
}

// The logo of public/logo.svg, inline: the renderer must not fetch it either.
const LOGO = `data:image/svg+xml;base64,${Buffer.from(
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><rect width="512" height="512" rx="112" fill="#ffffff"/>` +
    `<path d="M292 112h72v188c0 76-50 124-124 124-64 0-110-38-120-102l70-12c5 31 23 50 50 50 33 0 52-21 52-60z" fill="${BRAND_COLOR}"/>` +
    `<circle cx="190" cy="150" r="38" fill="${ACCENT_COLOR}"/></svg>`,
).toString("base64")}`;

export interface OgImageInput {
  /** Small line above the title (the section: "Вакансия", "Поиск работы"…). */
  kicker: string;
  title: string;
  /** Up to three short lines under the title (salary, city, employer). */
  lines?: string[];
  /** Bottom line, the site's promise in the page's language. */
  footer: string;
}

export async function ogImage(input: OgImageInput): Promise<ImageResponse> {
  const { regular, bold } = await loadFonts();
  const title = ogText(input.title, 90);
  const lines = (input.lines ?? [])
    .map((l) => ogText(l, 70))
    .filter(Boolean)
    .slice(0, 3);
  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        padding: "56px 72px",
        backgroundColor: BRAND_COLOR,
        backgroundImage: `linear-gradient(135deg, ${BRAND_COLOR} 0%, ${BRAND_DARK} 100%)`,
        color: "#ffffff",
        fontFamily: "Noto Sans",
      }}
    >
      <div style={{ display: "flex", alignItems: "center", gap: 24 }}>
        {/* eslint-disable-next-line @next/next/no-img-element -- rendered to PNG, not a page */}
        <img src={LOGO} width={72} height={72} alt="" />
        <div style={{ display: "flex", fontSize: 44, fontWeight: 700 }}>Jumys</div>
        <div style={{ display: "flex", marginLeft: "auto", fontSize: 30, color: "#ccfbf1" }}>{ogText(input.kicker, 40)}</div>
      </div>
      <div style={{ display: "flex", flexDirection: "column", gap: 20 }}>
        <div style={{ display: "flex", fontSize: title.length > 50 ? 60 : 72, fontWeight: 700, lineHeight: 1.15 }}>{title}</div>
        {lines.map((line, index) => (
          <div key={index} style={{ display: "flex", fontSize: 36, color: "#f0fdfa" }}>
            {line}
          </div>
        ))}
      </div>
      <div style={{ display: "flex", fontSize: 28, color: "#ccfbf1" }}>{ogText(input.footer, 80)}</div>
    </div>,
    {
      ...OG_SIZE,
      fonts: [
        { name: "Noto Sans", data: regular, weight: 400, style: "normal" },
        { name: "Noto Sans", data: bold, weight: 700, style: "normal" },
      ],
    },
  );
}
