import { readFileSync } from "node:fs"
import { join } from "node:path"
import { Matrix, ShiftShare } from "@innokraft/s3"
import { ResultJson, Scored } from "@innokraft/s3/schema"
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest"
import { auth, body, dataDir, type Setup, setup } from "./support.js"

// Computations run on a worker thread that loads the compute packages' TypeScript sources through tsx when it starts.
vi.setConfig({ testTimeout: 60_000 })

let s: Setup
beforeAll(async () => {
  s = await setup({ bodyLimit: 4 * 1024 * 1024 })
})
afterAll(() => s.db.dispose())

const vb = "organisation=region-vasterbotten"
const run = "/v1/measure/runs/ecosystem-se-nuts2-2017"

describe("measurement runs", () => {
  it("serves the seeded Ecosystem run on the real data: the ranks of measure's README", async () => {
    const res = await s.app.request(`${run}/ranks?${vb}`)
    expect(res.status).toBe(200)
    expect(res.headers.get("etag")).toBe('W/"1"')
    expect((await body<{ ranks: unknown }>(res)).ranks).toEqual({
      SE11: 1,
      SE23: 2,
      SE22: 3,
      SE12: 4,
      SE33: 5,
      SE21: 6,
      SE32: 7,
      SE31: 8
    })
  })

  it("serves every stage, groups (mean or a reference unit), coherence and uncertainty", async () => {
    const results = await body<{ period: number; stages: Record<string, unknown> }>(
      await s.app.request(`${run}/results?${vb}`)
    )
    expect(results.period).toBe(2017)
    expect(Object.keys(results.stages)).toEqual(expect.arrayContaining(["Raw", "Normalised", "Aggregated"]))
    const one = await body<{ stages: Record<string, unknown> }>(await s.app.request(`${run}/results?${vb}&stage=Raw`))
    expect(Object.keys(one.stages)).toEqual(["Raw"])
    const groups = await body<{ groups: Record<string, { relative: number; group: string }> }>(
      await s.app.request(`${run}/groups?${vb}&reference=SE11`)
    )
    expect(groups.groups.SE11?.relative).toBe(100)
    expect(Object.keys(groups.groups)).toHaveLength(8)
    expect((await s.app.request(`${run}/groups?${vb}&reference=XX99`)).status).toBe(400)
    const coherence = await body<{ coherence: Array<{ code: string }> }>(await s.app.request(`${run}/coherence?${vb}`))
    expect(coherence.coherence.length).toBeGreaterThan(0)
    const ua = await body<{ stats: Array<{ unit: string; nominal: number; q5: number; q95: number }> }>(
      await s.app.request(`${run}/uncertainty?${vb}`)
    )
    expect(ua.stats).toHaveLength(8)
    for (const stat of ua.stats) {
      expect(stat.q5).toBeLessThanOrEqual(stat.nominal)
      expect(stat.q95).toBeGreaterThanOrEqual(stat.nominal)
    }
  })

  it("builds COINr's ASEM example posted as CSV texts (CHE first, as COINr)", async () => {
    const read = (f: string) => readFileSync(join(dataDir, "coinr-asem", f), "utf8")
    const input = {
      id: "asem-test",
      source: { kind: "coinr", iMeta: read("ASEM_iMeta.csv"), iData: read("ASEM_iData.csv") },
      spec: {
        denominate: true,
        impute: { method: "groupMean", group: "EurAsia_group" },
        screen: { minDataShare: 0.9 },
        treat: { method: "winsorise", winmax: 5, skewThreshold: 2, kurtThreshold: 3.5, fallback: "log" },
        normalise: { method: "minmax", range: [0, 100] },
        aggregate: { method: "amean" }
      }
    }
    const res = await s.app.request("/v1/measure/runs", {
      method: "POST",
      headers: auth(s.tokens.vbEditor),
      body: JSON.stringify(input)
    })
    expect(res.status).toBe(201)
    const ranks = await body<{ ranks: Record<string, number> }>(
      await s.app.request("/v1/measure/runs/asem-test/ranks", {
        headers: auth(s.tokens.vbViewer)
      })
    )
    expect(ranks.ranks.CHE).toBe(1)
    // A private run (default visibility) is invisible to anonymous readers and other organisations.
    expect((await s.app.request(`/v1/measure/runs/asem-test/ranks?${vb}`)).status).toBe(404)
    expect((await s.app.request(`/v1/measure/runs/asem-test?${vb}`, { headers: auth(s.tokens.vnEditor) })).status).toBe(
      404
    )
  })

  it("answers a bad spec or framework with 400 naming the field, and stores nothing", async () => {
    const res = await s.app.request("/v1/measure/runs", {
      method: "POST",
      headers: auth(s.tokens.vbEditor),
      body: JSON.stringify({
        id: "bad-run",
        source: {
          kind: "json",
          framework: { indicators: [{ code: "a", name: { sv: "a", en: "a" }, parent: "Index" }] },
          units: ["U1"],
          periods: [2020],
          indicators: [{ U1: { a: 1 } }]
        },
        spec: { treat: { method: "winsorise", winmax: -1 } }
      })
    })
    expect(res.status).toBe(400)
    expect((await body<{ detail: string }>(res)).detail).toMatch(/measurement/)
    expect((await s.app.request("/v1/measure/runs/bad-run", { headers: auth(s.tokens.vbEditor) })).status).toBe(404)
  })
})

describe("S3 analyses", () => {
  const a = "/v1/s3/analyses/s3-se331-empers-2017"
  it("serves the seeded Västerbotten analysis; shift-share 2008→2017 matches @innokraft/s3 on the same data", async () => {
    const res = await body<{
      shiftShare: { change: number; nationalShare: number; industryMix: number; competitive: number }
    }>(await s.app.request(`${a}/shift-share?${vb}`))
    const text = readFileSync(join(dataDir, "eurostat-empers-se/empers_se_nuts_2000_2018.csv"), "utf8")
    const load = (region: (code: string) => boolean) =>
      Matrix.fromLongCsv(text, {
        columns: { region: "nuts_code", industry: "nace_group", value: "persons" },
        region,
        industry: (code) => code !== "TOTAL"
      })
    const counties = load((c) => c.length === 5 && !c.startsWith("SEZ"))
    const sweden = load((c) => c === "SE")
    const d = ShiftShare.classic(Matrix.year(counties, 2008), Matrix.year(counties, 2017), {
      base: Matrix.year(sweden, 2008).values,
      end: Matrix.year(sweden, 2017).values
    })
    const totals = ShiftShare.byRegion(d)
    const r = totals.change.labels.indexOf("SE331")
    // every component, each against the package's own on the same data (a swap of two would be seen)
    expect(res.shiftShare.change).toBeCloseTo(totals.change.values[r]!, 9)
    expect(res.shiftShare.nationalShare).toBeCloseTo(totals.nationalShare.values[r]!, 9)
    expect(res.shiftShare.industryMix).toBeCloseTo(totals.industryMix.values[r]!, 9)
    expect(res.shiftShare.competitive).toBeCloseTo(totals.competitive.values[r]!, 9)
  })

  it("serves result.json and priority scores of the ten NACE groups", async () => {
    const result = await body<{ year: number; analysis: { diversity: Record<string, number> } }>(
      await s.app.request(`${a}/result?${vb}`)
    )
    expect(result.year).toBe(2017)
    expect(Object.keys(result.analysis.diversity)).toHaveLength(21)
    const p = await body<{ priorities: Array<{ rank: number; name: string }> }>(
      await s.app.request(`${a}/priorities?${vb}`)
    )
    expect(p.priorities).toHaveLength(10)
    expect(p.priorities.map((x) => x.rank).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    // both are what @innokraft/s3/schema publishes, and the OpenAPI document says so
    expect(ResultJson.parse(result.analysis)).toEqual(result.analysis)
    for (const scored of p.priorities) expect(Scored.parse(scored)).toEqual(scored)
    const doc = await body<{ paths: Record<string, { get: { responses: Record<string, unknown> } }> }>(
      await s.app.request("/openapi.json")
    )
    const described = JSON.stringify(doc.paths["/v1/s3/analyses/{id}/priorities"]!.get.responses["200"])
    expect(described).toContain("rankRange")
    expect(described).toContain("low relatedness, high complexity")
    expect(JSON.stringify(doc.paths["/v1/s3/analyses/{id}/result"]!.get.responses["200"])).toContain("complexity_fc")
  })

  it("posts a small matrix (201) and refuses a ragged one (400)", async () => {
    const input = {
      id: "tiny",
      regions: ["R1", "R2", "R3"],
      industries: ["a", "b", "c"],
      years: [2020, 2021],
      values: [
        [10, 0, 5, 2, 8, 1, 4, 4, 9],
        [12, 1, 5, 2, 9, 1, 4, 5, 9]
      ],
      focus: "R1",
      shiftShare: { base: 2020, end: 2021 }
    }
    const ok = await s.app.request("/v1/s3/analyses", {
      method: "POST",
      headers: auth(s.tokens.vbEditor),
      body: JSON.stringify(input)
    })
    expect(ok.status).toBe(201)
    const bad = await s.app.request("/v1/s3/analyses", {
      method: "POST",
      headers: auth(s.tokens.vbEditor),
      body: JSON.stringify({ ...input, id: "ragged", values: [[1, 2, 3]] })
    })
    expect(bad.status).toBe(400)
    const unknownFocus = await s.app.request("/v1/s3/analyses", {
      method: "POST",
      headers: auth(s.tokens.vbEditor),
      body: JSON.stringify({ ...input, id: "nofocus", focus: "R9" })
    })
    expect(unknownFocus.status).toBe(400)
    const list = await body<{ items: Array<{ id: string }> }>(
      await s.app.request("/v1/s3/analyses", { headers: auth(s.tokens.vbViewer) })
    )
    expect(list.items.map((i) => i.id)).toEqual(expect.arrayContaining(["tiny", "s3-se331-empers-2017"]))
  })
})

describe("observations", () => {
  it("imports Eurostat's R&D CSV (1119 rows) and reads Övre Norrland back (members only)", async () => {
    const csv = readFileSync(join(dataDir, "eurostat-rd-nuts2/rd_private_eur_hab.nuts2.csv"), "utf8")
    const res = await s.app.request(
      "/v1/observations?indicator=rd_private_eur_hab&unit=nuts_id&period=year&value=rd_private_eur_hab",
      { method: "POST", headers: auth(s.tokens.vbEditor, { "content-type": "text/csv" }), body: csv }
    )
    expect(res.status).toBe(201)
    expect((await body<{ rows: number }>(res)).rows).toBe(1119)
    const read = await body<{ items: Array<{ period: string; value: number }> }>(
      await s.app.request("/v1/observations?unit=SE33", { headers: auth(s.tokens.vbViewer) })
    )
    expect(read.items.map((o) => [o.period, o.value])).toEqual([
      ["2015", 275.7],
      ["2017", 250]
    ])
    expect((await s.app.request("/v1/observations?unit=SE33")).status).toBe(401)
    const other = await s.app.request("/v1/observations?unit=SE33&organisation=region-vasterbotten", {
      headers: auth(s.tokens.vnEditor)
    })
    expect(other.status).toBe(403)
  })

  it("imports JSON columns, and refuses a CSV with a missing column as 400 naming it", async () => {
    const ok = await s.app.request("/v1/observations", {
      method: "POST",
      headers: auth(s.tokens.vnEditor),
      body: JSON.stringify({
        indicator: ["x", "x"],
        unit: ["SE32", "SE32"],
        period: ["2020", "2021"],
        value: [1.5, null]
      })
    })
    expect(ok.status).toBe(201)
    const bad = await s.app.request("/v1/observations?indicator=x", {
      method: "POST",
      headers: auth(s.tokens.vnEditor, { "content-type": "text/csv" }),
      body: "region,year,v\nSE32,2020,1\n"
    })
    expect(bad.status).toBe(400)
    expect((await body<{ detail: string }>(bad)).detail).toMatch(/unit/)
    const ragged = await s.app.request("/v1/observations", {
      method: "POST",
      headers: auth(s.tokens.vnEditor),
      body: JSON.stringify({ indicator: ["x"], unit: [], period: ["2020"], value: [1] })
    })
    expect(ragged.status).toBe(400)
  })
})

describe("measurement runs: bad numbers (#16)", () => {
  const read = (f: string) => readFileSync(join(dataDir, "coinr-asem", f), "utf8")
  const asem = (id: string, spec: Record<string, unknown>, uncertainty?: Record<string, unknown>) => ({
    id,
    source: { kind: "coinr", iMeta: read("ASEM_iMeta.csv"), iData: read("ASEM_iData.csv") },
    spec: {
      denominate: true,
      impute: { method: "groupMean", group: "EurAsia_group" },
      screen: { minDataShare: 0.9 },
      treat: { method: "winsorise", winmax: 5 },
      normalise: { method: "minmax", range: [0, 100] },
      aggregate: { method: "amean" },
      ...spec
    },
    ...(uncertainty ? { uncertainty } : {})
  })
  const post = (input: unknown) =>
    s.app.request("/v1/measure/runs", { method: "POST", headers: auth(s.tokens.vbEditor), body: JSON.stringify(input) })

  it("the geometric mean over a zero is a 400 naming it, and nothing is stored", async () => {
    const res = await post(asem("gmean-zero", { aggregate: { method: "gmean" } }))
    expect(res.status).toBe(400)
    expect(res.headers.get("content-type")).toContain("application/problem+json")
    expect(JSON.stringify(await res.json())).toMatch(/the geometric mean needs values > 0, found \w+ = 0 for unit/)
    const after = await s.app.request("/v1/measure/runs/gmean-zero/ranks", { headers: auth(s.tokens.vbViewer) })
    expect(after.status).toBe(404)
  })

  it("uncertainty runs that fail are counted; ranks come with the build's warnings", async () => {
    const res = await post(asem("ua-failed", {}, { runs: 30, seed: 2, assumptions: { aggregate: ["amean", "gmean"] } }))
    expect(res.status).toBe(201)
    const headers = auth(s.tokens.vbViewer)
    const ua = await body<{ stats: Array<unknown>; failed: number }>(
      await s.app.request("/v1/measure/runs/ua-failed/uncertainty", { headers })
    )
    expect(ua.stats).toHaveLength(51)
    expect(ua.failed).toBeGreaterThan(0)
    expect(ua.failed).toBeLessThan(30)
    const ranks = await body<{ warnings: Array<unknown> }>(
      await s.app.request("/v1/measure/runs/ua-failed/ranks", { headers })
    )
    expect(ranks.warnings).toEqual([])
  })
})
