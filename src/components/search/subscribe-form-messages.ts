import { FORM_ERROR_KEYS } from "@/lib/form-error-keys";

/**
 * The catalogue messages the search page's subscription form shows beyond its own namespace
 * ("subscriptions"): the messages its schema (subscriptionFormSchema) gives and the form-level
 * ones of useFormErrors. The server's answers come translated. The page hands the form exactly
 * these rather than the whole "errors" and "validation" namespaces, which were a fifth of every
 * search page's size; subscribe-form-messages.test.ts checks the list against the schema.
 */
export const SUBSCRIBE_FORM_MESSAGE_KEYS: readonly string[] = [
  ...Object.values(FORM_ERROR_KEYS),
  "validation.required",
  "validation.subscriptionNameRequired",
  "validation.subscriptionNameTooLong",
];
