"use client";

import type { ButtonHTMLAttributes } from "react";

import { useHydrated } from "./use-hydrated";

/**
 * A `type="button"` button works only through its script, so it stays disabled until the page has
 * hydrated: a click before that would be lost without a word. Submit buttons keep working without
 * script (their forms fall back to the browser's own submission).
 */
export function Button({
  className,
  variant = "primary",
  disabled,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: "primary" | "secondary" }) {
  const hydrated = useHydrated();
  const tone =
    variant === "primary"
      ? "bg-brand-700 text-white hover:bg-brand-800 disabled:bg-gray-400"
      : "border border-gray-400 bg-white text-gray-900 hover:bg-gray-50";
  return (
    <button
      className={`rounded-md px-4 py-2 text-base font-medium ${tone} ${className ?? ""}`}
      disabled={disabled || (props.type === "button" && !hydrated)}
      {...props}
    />
  );
}
