import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Text } from "../src/index.js"

describe("Text", () => {
  it("names the NUL, other control characters and unpaired surrogates with their position", () => {
    expect(Text.problem("nk\u0000b")).toBe(
      "expected text without control characters (tab and line breaks allowed), found U+0000 at position 2"
    )
    expect(Text.problem("a\u001bb")).toContain("U+001B at position 1")
    expect(Text.problem("x\u007f")).toContain("U+007F")
    expect(Text.problem("SUR\ud800")).toBe("expected Unicode text, found an unpaired surrogate U+D800 at position 3")
    expect(Text.problem("\udc00x")).toContain("U+DC00 at position 0")
  })

  it("lets tab, line breaks, paired surrogates and every other Unicode text through", () => {
    expect(Text.problem("rad 1\r\n\trad 2")).toBeUndefined()
    expect(Text.problem("Västerbotten 🌲 ☃")).toBeUndefined()
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => {
        // biome-ignore lint/suspicious/noControlCharactersInRegex: removing the characters Text refuses
        const clean = s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "")
        expect(Text.problem(clean)).toBeUndefined()
      })
    )
  })

  it("finds hostile strings and keys at any depth, with their paths", () => {
    const found = Text.hostile({
      title: { sv: "ok", en: "bad\u0000" },
      links: [{ id: "a" }, { id: "\ud800" }],
      "k\u0001": 1
    })
    expect(found.map((h) => h.path)).toEqual([["title", "en"], ["links", 1, "id"], ["k\u0001"]])
    expect(found[2]!.message).toMatch(/^key: /)
    expect(Text.hostile({ a: ["fine", 1, null, true] })).toEqual([])
  })
})
