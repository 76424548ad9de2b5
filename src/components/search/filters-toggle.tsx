"use client";

import { useId, useState, type ReactNode } from "react";

/**
 * On a phone the filters fold away behind a button; on wider screens they are always shown. The
 * button's text comes from the server, so the search page carries no translation runtime.
 */
export function FiltersToggle({ label, children }: { label: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((value) => !value)}
        className="mb-3 w-full rounded-md border border-gray-400 bg-white px-4 py-2 text-left font-medium lg:hidden"
      >
        {label}
      </button>
      <div id={id} className={open ? "block" : "hidden lg:block"}>
        {children}
      </div>
    </div>
  );
}
