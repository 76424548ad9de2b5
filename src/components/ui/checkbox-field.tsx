import type { InputHTMLAttributes, ReactNode } from "react";

interface CheckboxFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "type"> {
  id: string;
  label: ReactNode;
  errors?: string[] | null;
}

export function CheckboxField({ id, label, errors, ...input }: CheckboxFieldProps) {
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-start gap-2">
        <input
          id={id}
          name={id}
          type="checkbox"
          className="mt-1 h-4 w-4"
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={errorId}
          {...input}
        />
        <label htmlFor={id} className="text-sm text-gray-800">
          {label}
        </label>
      </div>
      {errors?.length ? (
        <p id={errorId} className="text-sm text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
