import type { ReactNode } from "react";

export const checkboxRow = "flex items-center gap-2 text-sm";

/** One titled part of the resume form; the heading names the section for assistive technology. */
export function EditorSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-4 rounded-lg border border-gray-200 bg-white p-4">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
