/**
 * Why the server could not start, in one line that names the setting to change and what to do. `main` prints it
 * without a stack trace and exits 1; the original error stays in `cause` for the debug log.
 *
 * @since 0.1.0
 */
export class StartupError extends Error {
  override readonly name = "StartupError"
  constructor(
    /** The environment variable to look at (`PORT`, `DATABASE_URL`, …). */
    readonly setting: string,
    message: string,
    options?: { readonly cause?: unknown }
  ) {
    super(message, options)
  }
}

/** A URL for messages, without its password. */
const redact = (url: string) => url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@")

const codeOf = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === "string" ? code : undefined
}

/**
 * The start-up error of a database that could not be opened: PostgreSQL refusing the connection, the password, an
 * unknown host or database; an SQLite file that cannot be opened or is not a database.
 *
 * @since 0.1.0
 */
export const fromDatabase = (error: unknown, url: string): StartupError => {
  const where = redact(url)
  // @effect/sql wraps the driver's error as its cause.
  const driver = (error as { cause?: unknown } | null)?.cause ?? error
  const code = codeOf(driver) ?? codeOf(error)
  const detail = driver instanceof Error ? driver.message : String(driver)
  const say = (what: string, todo: string) =>
    new StartupError("DATABASE_URL", `DATABASE_URL ${where}: ${what}; ${todo}.`, { cause: error })
  switch (code) {
    case "ECONNREFUSED":
      return say("the database refused the connection", "start PostgreSQL there or correct the host and port")
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return say("the host name is unknown", "correct the host in DATABASE_URL")
    case "ETIMEDOUT":
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return say("the database host cannot be reached", "check the network or correct the host")
    case "28P01":
    case "28000":
      return say(`the login was refused (${detail})`, "correct the user and password in DATABASE_URL")
    case "3D000":
      return say(`${detail}`, "create it (createdb) or correct the database name")
    case "SQLITE_CANTOPEN":
      return say("the SQLite file cannot be opened", "check that its folder exists and is writable")
    case "SQLITE_NOTADB":
      return say("the file is not an SQLite database", "point DATABASE_URL at an Innokraft database or a new file")
    case "SQLITE_READONLY":
    case "EACCES":
      return say("the database is not writable", "give the server write access or choose another file")
    default:
      return say(`the database could not be opened (${detail})`, "check DATABASE_URL and that the database runs")
  }
}

/**
 * The start-up error of a listening socket that could not be opened (port in use, no permission, unknown host).
 *
 * @since 0.1.0
 */
export const fromListen = (error: unknown, host: string, port: number): StartupError => {
  const at = `${host}:${port}`
  switch (codeOf(error)) {
    case "EADDRINUSE":
      return new StartupError(
        "PORT",
        `PORT ${port}: ${at} is already in use by another process; stop it or set PORT to a free port (0 = any).`,
        { cause: error }
      )
    case "EACCES":
      return new StartupError(
        "PORT",
        `PORT ${port}: listening on ${at} is not permitted; choose a port above 1023 or run with the right permissions.`,
        { cause: error }
      )
    case "EADDRNOTAVAIL":
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return new StartupError(
        "HOST",
        `HOST ${JSON.stringify(host)} is not an address of this machine; set HOST to one (127.0.0.1, 0.0.0.0 or ::).`,
        { cause: error }
      )
    default:
      return new StartupError(
        "PORT",
        `PORT ${port}: cannot listen on ${at} (${error instanceof Error ? error.message : String(error)}); check HOST and PORT.`,
        { cause: error }
      )
  }
}
