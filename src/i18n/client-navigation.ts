import { createNavigation } from "next-intl/navigation";

import { routing } from "./routing";

/** next-intl's router and pathname hooks, for client forms (which have the translation provider). */
export const { usePathname, useRouter } = createNavigation(routing);
