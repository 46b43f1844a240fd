/**
 * `@innokraft/web` — the officer's workspace in the browser: sign in, see and edit what the organisation owns.
 * Server-rendered hono JSX; mounted by the API server at `/app`.
 *
 * @since 0.1.0
 */

export type { Runner, Services } from "./Runner.js"
export { type WorkspaceOptions, workspace } from "./Workspace.js"
