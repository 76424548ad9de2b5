/* eslint-disable @next/next/no-img-element -- logos are small uploaded files served as they are */
// An uploaded logo, or a monogram of the company's name when there is none.

const PALETTE = ["bg-teal-700", "bg-sky-800", "bg-indigo-700", "bg-rose-800", "bg-amber-800", "bg-emerald-800"];

export function CompanyLogo({ name, logoPath, size = 48 }: { name: string; logoPath: string | null; size?: number }) {
  if (logoPath) {
    return (
      <img
        src={logoPath}
        alt=""
        width={size}
        height={size}
        className="rounded-md border border-gray-200 bg-white object-contain"
      />
    );
  }
  const letters = name
    .replace(/["«»]/g, "")
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase() ?? "")
    .join("");
  const tone = PALETTE[[...name].reduce((sum, ch) => sum + (ch.codePointAt(0) ?? 0), 0) % PALETTE.length];
  return (
    <span
      aria-hidden="true"
      style={{ width: size, height: size }}
      className={`inline-flex shrink-0 items-center justify-center rounded-md font-semibold text-white ${tone}`}
    >
      {letters || "•"}
    </span>
  );
}
