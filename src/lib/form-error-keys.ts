/**
 * The catalogue messages every form shows besides its fields' own (useFormErrors): a message key
 * the catalogue does not hold, and the line above a form whose fields have errors. Kept apart from
 * the hook so that a server component can hand exactly these to a client form.
 */
export const FORM_ERROR_KEYS = { invalidInput: "errors.invalidInput", checkFields: "errors.checkFields" } as const;
