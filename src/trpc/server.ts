import "server-only";

import { createHydrationHelpers } from "@trpc/react-query/rsc";
import { getLocale } from "next-intl/server";
import { headers } from "next/headers";
import { cache } from "react";

import { createCaller, type AppRouter } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { getCurrentUser } from "@/server/auth/current-user";
import { requestMeta } from "@/server/request-meta";

import { makeQueryClient } from "./query-client";

const createServerContext = cache(async () =>
  createContext({ user: await getCurrentUser(), ...requestMeta(await headers()), locale: await getLocale() }),
);

export const getQueryClient = cache(makeQueryClient);
const caller = createCaller(createServerContext);

/** Server components call procedures through `api` and hydrate client hooks with `HydrateClient`. */
export const { trpc: api, HydrateClient } = createHydrationHelpers<AppRouter>(caller, getQueryClient);
