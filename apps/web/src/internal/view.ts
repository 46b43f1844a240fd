import type { Sessions } from "@innokraft/store"
import type { Lang } from "./text.js"

/** What every page needs from its request: language, where the workspace is mounted, who is signed in, the form token. */
export interface View {
  readonly lang: Lang
  /** The mount path, e.g. `/app`; every link and form action starts with it. */
  readonly base: string
  /** The path of this page below the mount, without the query (for the language switch). */
  readonly path: string
  readonly session: Sessions.Session | undefined
  /** The CSRF token every form of this response carries. */
  readonly csrf: string
  /** The organisation's name, when signed in. */
  readonly organisationName?: string | undefined
}

/** An absolute path inside the workspace, with the language kept. */
export const to = (view: View, path: string): string => {
  // The home page is the mount path itself (`/app`, `/app?created=…`): a strict router has no `/app/`.
  const full = `${view.base}${path === "/" || path.startsWith("/?") ? path.slice(1) : path}` || "/"
  return view.lang === "en" ? `${full}${full.includes("?") ? "&" : "?"}lang=en` : full
}
