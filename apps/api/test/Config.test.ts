import { describe, expect, it } from "vitest"
import { Config } from "../src/index.js"

describe("Config.fromEnv", () => {
  it("defaults to 127.0.0.1:8787", () => {
    expect(Config.fromEnv({})).toMatchObject({ PORT: 8787, HOST: "127.0.0.1", CORS_ORIGINS: [] })
  })

  it("reads PORT, HOST and CORS origins", () => {
    expect(Config.fromEnv({ PORT: "9000", HOST: "0.0.0.0", CORS_ORIGINS: "https://a.se, https://b.se" })).toMatchObject(
      {
        PORT: 9000,
        HOST: "0.0.0.0",
        CORS_ORIGINS: ["https://a.se", "https://b.se"]
      }
    )
  })

  it("names every bad variable", () => {
    expect(() => Config.fromEnv({ PORT: "eighty", BODY_LIMIT: "-1" })).toThrow(
      /PORT: .*\(got "eighty"\)[\s\S]*BODY_LIMIT/
    )
  })
})

describe("Config: database and seeding", () => {
  it("defaults to the embedded SQLite file with seeding on", () => {
    expect(Config.fromEnv({})).toMatchObject({ DATABASE_URL: "./data/innokraft.db", SEED_EXAMPLES: true })
    expect(Config.target("./data/innokraft.db")).toEqual({ engine: "sqlite", filename: "./data/innokraft.db" })
  })

  it("takes PostgreSQL URLs with seeding off unless asked", () => {
    const url = "postgres://u:p@127.0.0.1:5432/innokraft"
    expect(Config.fromEnv({ DATABASE_URL: url })).toMatchObject({ DATABASE_URL: url, SEED_EXAMPLES: false })
    expect(Config.fromEnv({ DATABASE_URL: url, SEED_EXAMPLES: "on" }).SEED_EXAMPLES).toBe(true)
    expect(Config.fromEnv({ SEED_EXAMPLES: "0" }).SEED_EXAMPLES).toBe(false)
    expect(Config.target(url)).toEqual({ engine: "pg", url })
    expect(Config.target("sqlite:/tmp/x.db")).toEqual({ engine: "sqlite", filename: "/tmp/x.db" })
  })

  it("refuses other URL schemes and bad flags", () => {
    expect(() => Config.fromEnv({ DATABASE_URL: "mysql://x/y" })).toThrow(/DATABASE_URL: expected postgres/)
    expect(() => Config.fromEnv({ SEED_EXAMPLES: "maybe" })).toThrow(/SEED_EXAMPLES/)
  })
})
