import type { ButtonHTMLAttributes } from "react";

export function Button({
  className,
  variant = "primary",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: "primary" | "secondary" }) {
  const tone =
    variant === "primary"
      ? "bg-brand-700 text-white hover:bg-brand-800 disabled:bg-gray-400"
      : "border border-gray-400 bg-white text-gray-900 hover:bg-gray-50";
  return <button className={`rounded-md px-4 py-2 text-base font-medium ${tone} ${className ?? ""}`} {...props} />;
}
