"use client";

import { createContext, useContext, type ReactNode } from "react";

export interface ErrorTexts {
  title: string;
  text: string;
  retry: string;
  home: string;
  /** The home page in the page's language. */
  homeHref: string;
}

const Context = createContext<ErrorTexts | null>(null);

/**
 * The error page's texts, given by the locale layout: the error boundary is a client component
 * inside that layout, and public pages carry no client message catalogue.
 */
export function ErrorTextsProvider({ texts, children }: { texts: ErrorTexts; children?: ReactNode }) {
  return <Context.Provider value={texts}>{children}</Context.Provider>;
}

export function useErrorTexts(): ErrorTexts {
  const texts = useContext(Context);
  // The locale layout always provides them; a boundary outside it would be a wiring mistake.
  if (!texts) throw new Error("ErrorTextsProvider is missing above the error boundary");
  return texts;
}
