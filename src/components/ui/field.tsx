import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  id: string;
  label: string;
  hint?: string;
  errors?: string[] | null;
}

/** Label above, hint and errors below, both announced with the control through aria-describedby. */
function Labelled({
  id,
  label,
  hint,
  errors,
  control,
}: {
  id: string;
  label: string;
  hint?: string;
  errors?: string[] | null;
  control: (a11y: { "aria-invalid"?: true; "aria-describedby"?: string; className: string }) => ReactNode;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-gray-800">
        {label}
      </label>
      {control({
        "aria-invalid": errors?.length ? true : undefined,
        "aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || undefined,
        className: `rounded-md border px-3 py-2 text-base ${errors?.length ? "border-red-600" : "border-gray-400"}`,
      })}
      {hint ? (
        <p id={hintId} className="text-xs text-gray-600">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={errorId} className="text-sm text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled input whose hint and errors are announced with it. */
export function Field({ id, label, hint, errors, className, ...input }: FieldProps) {
  return (
    <Labelled
      id={id}
      label={label}
      hint={hint}
      errors={errors}
      control={(a11y) => <input id={id} name={id} {...a11y} className={`${a11y.className} ${className ?? ""}`} {...input} />}
    />
  );
}

interface TextAreaFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  id: string;
  label: string;
  hint?: string;
  errors?: string[] | null;
}

/** A labelled multi-line field, announced like Field. */
export function TextAreaField({ id, label, hint, errors, className, ...textarea }: TextAreaFieldProps) {
  return (
    <Labelled
      id={id}
      label={label}
      hint={hint}
      errors={errors}
      control={(a11y) => (
        <textarea id={id} name={id} {...a11y} className={`${a11y.className} ${className ?? ""}`} {...textarea} />
      )}
    />
  );
}

interface SelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  id: string;
  label: string;
  hint?: string;
  errors?: string[] | null;
  children: ReactNode;
}

/** A labelled select, announced like Field. */
export function SelectField({ id, label, hint, errors, className, children, ...select }: SelectFieldProps) {
  return (
    <Labelled
      id={id}
      label={label}
      hint={hint}
      errors={errors}
      control={(a11y) => (
        <select
          id={id}
          name={id}
          {...a11y}
          className={`${a11y.className} w-full max-w-full bg-white ${className ?? ""}`}
          {...select}
        >
          {children}
        </select>
      )}
    />
  );
}
