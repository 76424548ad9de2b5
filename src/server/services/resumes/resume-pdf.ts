import { readFileSync } from "node:fs";
import path from "node:path";

import PDFDocument from "pdfkit";

import { experienceLength, languageName } from "@/components/resume/resume-format";
import type { AppLocale } from "@/i18n/routing";
import { dynamicTranslator } from "@/i18n/translator";
import { formatAmount, formatDate, licenceLabel } from "@/lib/format";
import { localName } from "@/lib/local-name";

import type { ResumeDocument } from "./resumes";

// The PDF carries its own font: Noto Sans covers Kazakh letters (ә ғ қ ң ө ұ ү һ і) that the
// PDF standard fonts lack. The files come from an npm package, read once per process (the app
// runs from the project directory, where node_modules is).
let fonts: { regular: Buffer; bold: Buffer } | null = null;
function loadFonts() {
  if (!fonts) {
    const dir = path.join(process.cwd(), "node_modules", "@expo-google-fonts", "noto-sans");
    fonts = {
      regular: readFileSync(path.join(dir, "400Regular", "NotoSans_400Regular.ttf")),
      bold: readFileSync(path.join(dir, "700Bold", "NotoSans_700Bold.ttf")),
    };
  }
  return fonts;
}

export interface PdfPerson {
  name: string;
  email: string | null;
  phone: string | null;
}

const GREY = "#4b5563";
const BLACK = "#111827";

/** The resume as an A4 PDF, in the reader's language: the same sections as the resume page. */
export async function renderResumePdf(
  resume: Omit<ResumeDocument, "userId" | "visibility">,
  person: PdfPerson,
  locale: AppLocale,
  now = new Date(),
): Promise<Buffer> {
  const { t } = dynamicTranslator(locale);
  const r = (key: string, values?: Record<string, string | number | Date>) => t(`resumes.${key}`, values);
  // The same dates as the resume page shows (src/lib/format.ts).
  const month = { format: (d: Date) => formatDate(d, locale, "monthYear", { timeZone: "UTC" }) };
  const longDate = { format: (d: Date) => formatDate(d, locale, "long") };
  const { regular, bold } = loadFonts();

  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 48, bottom: 48, left: 52, right: 52 },
    info: { Title: resume.title, Author: person.name, Creator: "Jumys" },
    lang: locale === "kk" ? "kk-KZ" : "ru-RU",
    displayTitle: true,
    pdfVersion: "1.7",
    tagged: false,
  });
  doc.registerFont("regular", regular);
  doc.registerFont("bold", bold);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const text = (value: string, options: { font?: "regular" | "bold"; size?: number; color?: string; gap?: number } = {}) => {
    doc
      .font(options.font ?? "regular")
      .fontSize(options.size ?? 10.5)
      .fillColor(options.color ?? BLACK)
      .text(value, { width, lineGap: 1.5 });
    if (options.gap) doc.moveDown(options.gap);
  };
  const heading = (value: string) => {
    // Keep a heading with at least a few lines of its section.
    if (doc.y > doc.page.height - doc.page.margins.bottom - 80) doc.addPage();
    doc.moveDown(0.8);
    text(value, { font: "bold", size: 13 });
    const y = doc.y + 2;
    doc
      .moveTo(doc.page.margins.left, y)
      .lineTo(doc.page.margins.left + width, y)
      .lineWidth(0.5)
      .strokeColor("#d1d5db")
      .stroke();
    doc.moveDown(0.5);
  };

  text(person.name, { color: GREY, size: 11 });
  text(resume.title, { font: "bold", size: 20, gap: 0.2 });
  if (resume.desiredSalary)
    text(r("document.salary", { amount: formatAmount(resume.desiredSalary) }), { font: "bold", size: 12 });
  const where = [
    resume.city ? localName(resume.city, locale) : null,
    resume.relocationRegions.length
      ? r("document.relocation", { regions: resume.relocationRegions.map((x) => localName(x.region, locale)).join(", ") })
      : null,
  ].filter(Boolean);
  if (where.length) text(where.join(" · "), { color: GREY });
  const contacts = [person.phone, person.email].filter(Boolean);
  if (contacts.length) text(contacts.join(" · "));

  heading(r("document.wishes"));
  text(`${r("document.specializations")}: ${resume.specializations.map((s) => localName(s.specialization, locale)).join(", ")}`);
  text(`${r("document.employment")}: ${resume.employmentTypes.map((e) => t(`vacancy.employment.${e}`)).join(", ")}`);
  if (resume.schedules.length) {
    text(`${r("document.schedules")}: ${resume.schedules.map((s) => t(`vacancy.schedule.${s}`)).join(", ")}`);
  }

  if (resume.user.verifiedLicences.length) {
    heading(r("document.verifiedLicences"));
    for (const l of resume.user.verifiedLicences) {
      text(
        `${r("document.verifiedBadge", { category: licenceLabel(l.category), school: l.schoolName, year: l.certificateDate.getUTCFullYear() })} (${r("document.verifiedMark")})`,
      );
    }
  }

  if (resume.licences.length) {
    heading(r("document.licences"));
    text(
      resume.licences
        .map((l) =>
          l.yearObtained
            ? `${licenceLabel(l.category)} (${r("document.since", { year: l.yearObtained })})`
            : licenceLabel(l.category),
        )
        .join(", "),
    );
  }

  const total = experienceLength(resume.experiences, now);
  heading(
    resume.experiences.length
      ? r("document.experienceTotal", { years: Math.floor(total / 12), months: total % 12 })
      : r("document.experience"),
  );
  if (resume.experiences.length === 0) text(r("document.noExperience"), { color: GREY });
  for (const e of resume.experiences) {
    text(`${month.format(e.startedOn)} — ${e.endedOn ? month.format(e.endedOn) : r("document.present")}`, {
      color: GREY,
      size: 9.5,
    });
    text(e.position, { font: "bold" });
    text(e.company);
    if (e.description) text(e.description);
    doc.moveDown(0.5);
  }

  if (resume.educations.length) {
    heading(r("document.education"));
    for (const e of resume.educations) {
      text(`${e.institution}${e.graduationYear ? `, ${e.graduationYear}` : ""}`, { font: "bold" });
      text([r(`education.${e.level}`), e.speciality].filter(Boolean).join(" · "), { color: GREY, gap: 0.3 });
    }
  }

  if (resume.languages.length) {
    heading(r("document.languages"));
    text(resume.languages.map((l) => `${languageName(l.language, locale)} — ${r(`languageLevel.${l.level}`)}`).join("; "));
  }

  if (resume.skills.length) {
    heading(r("document.skills"));
    text(resume.skills.join(", "));
  }

  if (resume.about) {
    heading(r("document.about"));
    text(resume.about);
  }

  doc.moveDown(1);
  text(r("document.updated", { date: longDate.format(resume.updatedAt) }), { color: GREY, size: 8.5 });
  doc.end();
  return done;
}

/**
 * Content-Disposition for the download: an ASCII fallback name and the resume's own title
 * (RFC 6266 / RFC 5987), so the file is saved as "Водитель категории C.pdf".
 */
export function resumeDisposition(title: string, id: number): string {
  const clean =
    title
      .replace(/[\\/:*?"<>|\u0000-\u001F]+/g, " ")
      .replace(/\s+/g, " ")
      .trim()
      .slice(0, 100) || `resume-${id}`;
  return `attachment; filename="resume-${id}.pdf"; filename*=UTF-8''${encodeURIComponent(`${clean}.pdf`).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
