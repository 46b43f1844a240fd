/**
 * Stands in for `yaml`, `toml` and `ini` in the bundle (tsup.config.ts): `@effect/cli` imports them for config files
 * and `Options.fileParse`, which innokraft does not use. Leaving them out saves ~400 KB of code that every command
 * would otherwise compile at start-up.
 */
export const parse = (): never => {
  throw new Error("innokraft reads JSON and CSV; YAML, TOML and INI files are not supported")
}
