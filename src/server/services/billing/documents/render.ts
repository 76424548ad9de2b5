import { readFileSync } from "node:fs";
import path from "node:path";

import PDFDocument from "pdfkit";

import { amountInWords, type DocumentLanguage } from "./amount-in-words";
import type { Seller } from "./seller";

// Invoices ("Счёт на оплату" / "Төлем шоты") and acts of services rendered (the content of form
// Р-1) as A4 PDFs, from plain data: no database here. Noto Sans carries the Kazakh letters that
// the PDF standard fonts lack, as in the resume PDF.

export interface DocumentParty {
  name: string;
  bin: string | null;
  address: string | null;
}

export interface DocumentLine {
  name: string;
  quantity: number;
  /** Price of one unit, VAT included. */
  unitPriceTiyn: bigint;
  /** Amount of the line, VAT included. */
  amountTiyn: bigint;
  /** VAT rate in basis points (1600 = 16 %), as frozen on the order line. */
  vatRate: number;
  vatTiyn: bigint;
}

export interface InvoiceData {
  number: string;
  issuedAt: Date;
  orderNumber: string;
  seller: Seller;
  buyer: DocumentParty;
  lines: DocumentLine[];
  totalTiyn: bigint;
  vatTiyn: bigint;
}

export interface ActData extends Omit<InvoiceData, "lines"> {
  /** When the order was placed: the contract reference is the order under the public offer. */
  orderedAt: Date;
  /** When the services were rendered (the order's activation). */
  renderedAt: Date;
  lines: DocumentLine[];
}

const LABELS = {
  ru: {
    invoiceTitle: "Счёт на оплату",
    actTitle: "Акт выполненных работ (оказанных услуг)",
    numberDate: (n: string, d: string) => `№ ${n} от ${d}`,
    beneficiary: "Бенефициар",
    bin: "БИН",
    iban: "ИИК",
    kbe: "Кбе",
    bank: "Банк бенефициара",
    bik: "БИК",
    knp: "Код назначения платежа",
    supplier: "Поставщик",
    buyer: "Покупатель",
    customer: "Заказчик",
    contractor: "Исполнитель",
    address: "адрес",
    basis: "Основание",
    order: (n: string) => `Заказ № ${n}`,
    contract: (n: string, d: string) => `Договор (публичная оферта), заказ № ${n} от ${d}`,
    no: "№",
    name: "Наименование",
    renderedOn: "Дата оказания",
    quantity: "Кол-во",
    unit: "Ед.",
    unitName: "услуга",
    price: "Цена",
    amount: "Сумма",
    total: "Итого",
    vat: (rate: string) => `В том числе НДС ${rate}`,
    totalToPay: "Всего к оплате",
    totalInWords: "Всего на сумму",
    noBin: "—",
    handedOver: "Сдал (Исполнитель)",
    accepted: "Принял (Заказчик)",
    signature: "подпись / расшифровка",
    stamp: "М.П.",
    issuer: "Исполнитель",
    payNote: "Оплата этого счёта означает согласие с условиями публичной оферты. В назначении платежа укажите номер заказа.",
    actNote:
      "Перечисленные услуги оказаны полностью и в срок. Заказчик претензий по объёму, качеству и срокам оказания услуг не имеет.",
  },
  kk: {
    invoiceTitle: "Төлем шоты",
    actTitle: "Орындалған жұмыстар (көрсетілген қызметтер) актісі",
    numberDate: (n: string, d: string) => `№ ${n}, ${d} ж.`,
    beneficiary: "Бенефициар",
    bin: "БСН",
    iban: "ЖСК",
    kbe: "КБе",
    bank: "Бенефициардың банкі",
    bik: "БСК",
    knp: "Төлем мақсатының коды",
    supplier: "Жеткізуші",
    buyer: "Сатып алушы",
    customer: "Тапсырыс беруші",
    contractor: "Орындаушы",
    address: "мекенжайы",
    basis: "Негіздеме",
    order: (n: string) => `№ ${n} тапсырыс`,
    contract: (n: string, d: string) => `Шарт (жария оферта), № ${n} тапсырыс, ${d} ж.`,
    no: "№",
    name: "Атауы",
    renderedOn: "Көрсетілген күні",
    quantity: "Саны",
    unit: "Өлш.",
    unitName: "қызмет",
    price: "Бағасы",
    amount: "Сомасы",
    total: "Барлығы",
    vat: (rate: string) => `Оның ішінде ҚҚС ${rate}`,
    totalToPay: "Барлығы төлеуге",
    totalInWords: "Барлық сомасы",
    noBin: "—",
    handedOver: "Тапсырды (Орындаушы)",
    accepted: "Қабылдады (Тапсырыс беруші)",
    signature: "қолы / толық аты-жөні",
    stamp: "М.О.",
    issuer: "Орындаушы",
    payNote: "Осы шотты төлеу жария оферта шарттарымен келісуді білдіреді. Төлем мақсатында тапсырыс нөмірін көрсетіңіз.",
    actNote:
      "Аталған қызметтер толық әрі мерзімінде көрсетілді. Тапсырыс берушінің қызметтердің көлеміне, сапасына және мерзіміне наразылығы жоқ.",
  },
} as const;

/** The document's unit of measure for a service, as printed. */
export function unitName(language: DocumentLanguage): string {
  return LABELS[language].unitName;
}

/** "120 000,00": whole tenge grouped by thousands, tiyn after a comma. */
export function formatTiyn(tiyn: bigint): string {
  const negative = tiyn < 0n;
  const abs = negative ? -tiyn : tiyn;
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  return `${negative ? "-" : ""}${whole},${String(abs % 100n).padStart(2, "0")}`;
}

/** "16%" for 1600 basis points, "12.5%" for 1250. */
export function formatVatRate(basisPoints: number): string {
  return `${String(basisPoints / 100)}%`;
}

const dateFormat = new Intl.DateTimeFormat("ru-RU", {
  timeZone: "Asia/Almaty",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
});
/** The date in Almaty, dd.mm.yyyy. */
export function formatDocumentDate(date: Date): string {
  return dateFormat.format(date);
}

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

interface Column {
  title: string;
  width: number;
  align: "left" | "right" | "center";
}

function startDocument(title: string, language: DocumentLanguage, seller: Seller) {
  const { regular, bold } = loadFonts();
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 40, bottom: 40, left: 40, right: 40 },
    info: { Title: title, Author: seller.name, Creator: "Jumys" },
    lang: language === "kk" ? "kk-KZ" : "ru-RU",
    displayTitle: true,
    pdfVersion: "1.7",
  });
  doc.registerFont("regular", regular);
  doc.registerFont("bold", bold);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  const text = (value: string, options: { bold?: boolean; size?: number; align?: "left" | "center" | "right" } = {}) => {
    doc
      .font(options.bold ? "bold" : "regular")
      .fontSize(options.size ?? 9.5)
      .fillColor("#111827")
      .text(value, left, doc.y, { width, align: options.align ?? "left", lineGap: 1 });
  };
  const labelled = (label: string, value: string) => {
    doc.font("bold").fontSize(9.5).fillColor("#111827").text(`${label}: `, left, doc.y, { continued: true, width });
    doc.font("regular").text(value);
  };

  const table = (columns: Column[], rows: string[][]) => {
    const padding = 3;
    const drawRow = (cells: string[], bold: boolean) => {
      doc.font(bold ? "bold" : "regular").fontSize(8.5);
      const heights = cells.map((cell, i) => doc.heightOfString(cell, { width: columns[i]!.width - padding * 2 }));
      const height = Math.max(...heights) + padding * 2;
      if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
      const top = doc.y;
      let x = left;
      cells.forEach((cell, i) => {
        const column = columns[i]!;
        doc.rect(x, top, column.width, height).lineWidth(0.5).strokeColor("#6b7280").stroke();
        doc
          .fillColor("#111827")
          .text(cell, x + padding, top + padding, { width: column.width - padding * 2, align: column.align });
        x += column.width;
      });
      doc.x = left;
      doc.y = top + height;
    };
    drawRow(
      columns.map((c) => c.title),
      true,
    );
    for (const row of rows) drawRow(row, false);
    doc.moveDown(0.5);
  };

  const signatures = (titles: string[], caption: string, stamp: string) => {
    doc.moveDown(2);
    if (doc.y + 80 > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const top = doc.y;
    const half = width / 2 - 10;
    titles.forEach((title, i) => {
      const x = left + i * (half + 20);
      doc.font("bold").fontSize(9.5).text(title, x, top, { width: half });
      doc
        .moveTo(x, top + 40)
        .lineTo(x + half, top + 40)
        .lineWidth(0.5)
        .strokeColor("#111827")
        .stroke();
      doc
        .font("regular")
        .fontSize(7.5)
        .text(caption, x, top + 43, { width: half, align: "center" });
      doc.fontSize(8.5).text(stamp, x, top + 58, { width: half });
    });
    doc.x = left;
  };

  return { doc, done, text, labelled, table, signatures, width };
}

const party = (p: DocumentParty, language: DocumentLanguage) => {
  const l = LABELS[language];
  return [p.name, `${l.bin} ${p.bin ?? l.noBin}`, p.address ? `${l.address}: ${p.address}` : null].filter(Boolean).join(", ");
};

function vatLines(lines: DocumentLine[], vatTiyn: bigint, language: DocumentLanguage): string {
  const rates = [...new Set(lines.map((line) => line.vatRate))].sort((a, b) => b - a);
  return `${LABELS[language].vat(rates.map(formatVatRate).join(", "))}: ${formatTiyn(vatTiyn)}`;
}

/** The invoice as an A4 PDF in the requested language. */
export async function renderInvoicePdf(data: InvoiceData, language: DocumentLanguage): Promise<Buffer> {
  const l = LABELS[language];
  const title = `${l.invoiceTitle} ${l.numberDate(data.number, formatDocumentDate(data.issuedAt))}`;
  const { doc, done, text, labelled, table, signatures, width } = startDocument(title, language, data.seller);
  const s = data.seller;

  table(
    [
      { title: l.beneficiary, width: width * 0.5, align: "left" },
      { title: l.iban, width: width * 0.36, align: "left" },
      { title: l.kbe, width: width * 0.14, align: "center" },
    ],
    [
      [`${s.name}\n${l.bin} ${s.bin}`, s.iban, s.kbe],
      [`${l.bank}: ${s.bankName}`, `${l.bik} ${s.bik}`, `${l.knp}: ${s.knp}`],
    ],
  );
  doc.moveDown(0.5);
  text(title, { bold: true, size: 14 });
  doc.moveDown(0.6);
  labelled(l.supplier, party(s, language));
  labelled(l.buyer, party(data.buyer, language));
  labelled(l.basis, l.order(data.orderNumber));
  doc.moveDown(0.6);
  table(
    [
      { title: l.no, width: width * 0.06, align: "center" },
      { title: l.name, width: width * 0.44, align: "left" },
      { title: l.quantity, width: width * 0.1, align: "right" },
      { title: l.unit, width: width * 0.1, align: "center" },
      { title: l.price, width: width * 0.15, align: "right" },
      { title: l.amount, width: width * 0.15, align: "right" },
    ],
    data.lines.map((line, i) => [
      String(i + 1),
      line.name,
      String(line.quantity),
      l.unitName,
      formatTiyn(line.unitPriceTiyn),
      formatTiyn(line.amountTiyn),
    ]),
  );
  text(`${l.total}: ${formatTiyn(data.totalTiyn)}`, { bold: true, align: "right" });
  text(vatLines(data.lines, data.vatTiyn, language), { align: "right" });
  doc.moveDown(0.6);
  text(`${l.totalToPay}: ${amountInWords(data.totalTiyn, language)}`, { bold: true });
  doc.moveDown(0.4);
  text(l.payNote, { size: 8.5 });
  signatures([l.issuer], l.signature, l.stamp);
  doc.end();
  return done;
}

/** The act of services rendered (the content of form Р-1) as an A4 PDF in the requested language. */
export async function renderActPdf(data: ActData, language: DocumentLanguage): Promise<Buffer> {
  const l = LABELS[language];
  const title = `${l.actTitle} ${l.numberDate(data.number, formatDocumentDate(data.issuedAt))}`;
  const { doc, done, text, labelled, table, signatures, width } = startDocument(title, language, data.seller);

  text(l.actTitle, { bold: true, size: 13, align: "center" });
  text(l.numberDate(data.number, formatDocumentDate(data.issuedAt)), { bold: true, size: 11, align: "center" });
  doc.moveDown(0.8);
  labelled(l.customer, party(data.buyer, language));
  labelled(l.contractor, party(data.seller, language));
  labelled(l.basis, l.contract(data.orderNumber, formatDocumentDate(data.orderedAt)));
  doc.moveDown(0.6);
  const rendered = formatDocumentDate(data.renderedAt);
  table(
    [
      { title: l.no, width: width * 0.05, align: "center" },
      { title: l.name, width: width * 0.33, align: "left" },
      { title: l.renderedOn, width: width * 0.13, align: "center" },
      { title: l.unit, width: width * 0.08, align: "center" },
      { title: l.quantity, width: width * 0.08, align: "right" },
      { title: l.price, width: width * 0.15, align: "right" },
      { title: l.amount, width: width * 0.18, align: "right" },
    ],
    data.lines.map((line, i) => [
      String(i + 1),
      line.name,
      rendered,
      l.unitName,
      String(line.quantity),
      formatTiyn(line.unitPriceTiyn),
      formatTiyn(line.amountTiyn),
    ]),
  );
  text(`${l.total}: ${formatTiyn(data.totalTiyn)}`, { bold: true, align: "right" });
  text(vatLines(data.lines, data.vatTiyn, language), { align: "right" });
  doc.moveDown(0.6);
  text(`${l.totalInWords}: ${amountInWords(data.totalTiyn, language)}`, { bold: true });
  doc.moveDown(0.4);
  text(l.actNote, { size: 8.5 });
  signatures([l.handedOver, l.accepted], l.signature, l.stamp);
  doc.end();
  return done;
}

/** `attachment` with an ASCII fallback name and the real one RFC 5987-encoded. */
export function documentDisposition(prefix: "invoice" | "act", number: string): string {
  // The Cyrillic prefix (СЧ-, АВР-) drops out of the ASCII fallback: "invoice-2026-000001.pdf".
  const ascii = `${prefix}-${number.replace(/[^A-Za-z0-9-]+/g, "").replace(/^-+/, "")}.pdf`;
  const encoded = encodeURIComponent(`${number}.pdf`).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
