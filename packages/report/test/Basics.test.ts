import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Document, Lang, Palette, Suppress, Table } from "../src/index.js"
import { esc, num } from "../src/internal/Html.js"

describe("escaping and numbers", () => {
  it("escapes every markup character, for any text", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(esc(s)).not.toMatch(/[<>"']/)
        expect(esc(s).replaceAll(/&(amp|lt|gt|quot|#39);/g, "")).not.toContain("&")
      })
    )
  })
  it("refuses non-finite coordinates", () => {
    expect(num(1.23456)).toBe("1.23")
    expect(num(-0.001)).toBe("0")
    expect(() => num(Number.NaN)).toThrow(/finite/)
  })
  it("formats numbers for each language and never prints NaN", () => {
    expect(Lang.formatNumber(1234.56, "sv")).toBe("1\u00a0234,6")
    expect(Lang.formatNumber(1234.56, "en")).toBe("1,234.6")
    expect(Lang.formatNumber(Number.NaN, "en")).toBe("–")
    expect(Lang.formatPercent(0.421, "sv")).toBe("42\u00a0%")
  })
})

describe("Suppress", () => {
  it("hides 1–4, shows 0 and 5+", () => {
    expect([0, 1, 4, 5, 12].map((n) => Suppress.count(n))).toEqual([0, "<5", "<5", 5, 12])
  })
  it("withholds a share when the part or the rest is small", () => {
    expect(Suppress.share(3, 20)).toBeNull()
    expect(Suppress.share(18, 20)).toBeNull()
    expect(Suppress.share(10, 20)).toBe(0.5)
  })
})

describe("Palette", () => {
  it("picks readable text colours", () => {
    expect(Palette.textOn("#000000")).toBe("#ffffff")
    expect(Palette.textOn("#F0E442")).toBe("#000000")
    expect(Palette.textOn("rgb(68, 1, 84)")).toBe("#ffffff")
  })
})

describe("Table and Document", () => {
  it("writes header cells with scope and escapes content", () => {
    const t = Table.render({
      caption: "A & B",
      columns: [{ label: "Name" }, { label: "Value", numeric: true, digits: 2 }],
      rows: [
        ["<x>", 1.005],
        ["y", null]
      ],
      lang: "en"
    })
    expect(t).toContain('<th scope="col">Name</th>')
    expect(t).toContain('<th scope="row">&lt;x&gt;</th>')
    expect(t).toContain("<caption>A &amp; B</caption>")
    expect(t).toContain(">–<")
  })
  it("makes a self-contained document with print CSS and no external resources", () => {
    const html = Document.render({ lang: "sv", title: "Rapport", sections: [{ heading: "Del", html: "<p>x</p>" }] })
    expect(html.startsWith("<!doctype html>")).toBe(true)
    expect(html).toContain('<html lang="sv">')
    expect(html).toContain("@page { size: A4")
    expect(html).not.toMatch(/<script|<link|src="http|url\(http/)
  })
})
