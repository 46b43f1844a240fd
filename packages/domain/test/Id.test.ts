import { describe, expect, it } from "vitest"
import { Examples, Id } from "../src/index.js"

describe("Id", () => {
  it("states one grammar that the loop's ids and every workspace slug fit", () => {
    for (const id of ["I-17", "S1", "ST1", "P-001", "loop-2016", "a.b_c", "x"]) expect(Id.isKey(id)).toBe(true)
    for (const example of [Examples.vasterbotten, Examples.boras]) {
      for (const list of Object.values(example)) {
        if (!Array.isArray(list)) continue
        for (const record of list as ReadonlyArray<{ id?: string }>) {
          if (record.id !== undefined) expect(Id.isKey(record.id), record.id).toBe(true)
        }
      }
    }
  })

  it("refuses a slash, spaces, controls, non-ASCII letters and leading or trailing punctuation", () => {
    for (const id of ["pub/secret", "a b", "SUR\ud800", "nk\u0000b", "ö", "-a", "a.", "", "x".repeat(121)]) {
      expect(Id.isKey(id), JSON.stringify(id)).toBe(false)
      expect(Id.key("cycle").safeParse(id).success).toBe(false)
    }
  })

  it("toKey turns any text into an id that fits, keeping ids that already fit", () => {
    expect(Id.toKey("pub/secret")).toBe("pub-secret")
    expect(Id.toKey("SUR\ud800")).toBe("SUR")
    expect(Id.toKey("///")).toBe("x")
    // Every code unit below 0x100, surrogates, and ids that fit (which toKey keeps).
    const texts = [
      ...Array.from({ length: 256 }, (_, c) => `a${String.fromCharCode(c)}b`),
      ...Array.from({ length: 256 }, (_, c) => String.fromCharCode(c)),
      "\ud800",
      "a\udfffb",
      "ä/ö",
      "..a..",
      "a".repeat(130),
      `${"-".repeat(130)}z`,
      "I-17",
      "vasterbotten-ris-2022"
    ]
    for (const text of texts) {
      expect(Id.isKey(Id.toKey(text)), JSON.stringify(text)).toBe(true)
      if (Id.isKey(text)) expect(Id.toKey(text)).toBe(text)
    }
  })
})
