/** Fills {name}, {vacancy} and {organization} in an answer template; other braces stay as written. */
export function fillPlaceholders(text: string, values: { name: string; vacancy: string; organization: string }) {
  return text.replace(/\{(name|vacancy|organization)\}/g, (_, key: keyof typeof values) => values[key]);
}
