// Plain-text output helpers: the benchmark is read in CI logs, so no colours and no cursor tricks.

export const fmtInt = (n: number) => Math.round(n).toLocaleString("en");
export const fmtMs = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
export const fmtSeconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function verdict(pass: boolean): "PASS" | "MISS" {
  return pass ? "PASS" : "MISS";
}

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[rank] as number;
}

export function median(values: readonly number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}

export const mean = (values: readonly number[]) =>
  values.length === 0 ? Number.NaN : values.reduce((sum, v) => sum + v, 0) / values.length;

type Align = "left" | "right";

/** A fixed-width table; numeric-looking columns are right-aligned unless told otherwise. */
export function table(header: readonly string[], rows: readonly (readonly string[])[], align?: readonly Align[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? "").length)));
  const alignOf = (i: number): Align =>
    align?.[i] ?? (rows.every((row) => /^[-\d.,%×\s]*$|^n\/a$/.test(row[i] ?? "")) ? "right" : "left");
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (alignOf(i) === "right" ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].map((l) => `  ${l}`).join("\n");
}

export function heading(title: string) {
  console.log(`\n== ${title} ${"=".repeat(Math.max(3, 96 - title.length))}`);
}

export function note(line: string) {
  console.log(`  ${line}`);
}

export function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s*\n\s*/g, " ").trim();
}
