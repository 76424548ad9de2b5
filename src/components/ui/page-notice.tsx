"use client";

import { createContext, useContext, useState, type ReactNode } from "react";

import { Alert } from "@/components/ui/alert";

const PageNoticeContext = createContext<((message: string | null) => void) | null>(null);

function NoticeRegion({ message }: { message: string | null }) {
  return <div aria-live="polite">{message ? <Alert tone="success">{message}</Alert> : null}</div>;
}

/**
 * A page's success message that outlives the item it is about: a decided request, a lifted block
 * or a blocked organisation leaves its list (or changes its form) when the page refreshes, and a
 * message kept inside it would vanish with it. The region sits where this is placed, above the list.
 */
export function PageNotices({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState<string | null>(null);
  return (
    <PageNoticeContext.Provider value={setMessage}>
      <NoticeRegion message={message} />
      {children}
    </PageNoticeContext.Provider>
  );
}

/**
 * `show(message)` puts a success message in the page's region, or in `region` (rendered by the
 * caller) when the form stands outside `PageNotices`.
 */
export function useNotice(): { show: (message: string | null) => void; region: ReactNode } {
  const page = useContext(PageNoticeContext);
  const [local, setLocal] = useState<string | null>(null);
  if (page) return { show: page, region: null };
  return { show: setLocal, region: <NoticeRegion message={local} /> };
}
