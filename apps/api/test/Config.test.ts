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
