import { checkboxRow } from "./editor-section";

export function CheckGroup(props: {
  legend: string;
  name: string;
  options: { value: string; label: string }[];
  selected: string[];
  onToggle: (value: string, on: boolean) => void;
  errors?: string[];
}) {
  const errorId = `${props.name}-error`;
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={props.errors?.length ? errorId : undefined}>
      <legend className="text-sm font-medium text-gray-800">{props.legend}</legend>
      {props.options.map((option) => (
        <label key={option.value} className={checkboxRow}>
          <input
            type="checkbox"
            name={props.name}
            value={option.value}
            checked={props.selected.includes(option.value)}
            aria-invalid={props.errors?.length ? true : undefined}
            onChange={(e) => props.onToggle(option.value, e.target.checked)}
          />
          {option.label}
        </label>
      ))}
      {props.errors?.length ? (
        <p id={errorId} className="text-sm text-red-700">
          {props.errors.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}
