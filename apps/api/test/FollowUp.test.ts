import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Setup, setup } from "./support.js"

// Västerbotten's RIS 2022–2030 links its first goal to Eurostat's business R&D per inhabitant of Övre Norrland
// (SE33), baseline 275.7 (2015), illustrative targets 300 (2025) and 400 (2030); the seed imports the series
// (shared/data/eurostat-rd-nuts2/rd_private_eur_hab.nuts2.csv: 275.7 in 2015, 250.0 in 2017).
const path = "/v1/strategies/vasterbotten-ris-2022/follow-up?organisation=region-vasterbotten"

interface Answer {
  readonly thresholds: { onTrack: number; atRisk: number }
  readonly links: ReadonlyArray<{
    link: { id: string; indicator: string; unit: string; seriesSource: { title: string } }
    baseline: { year: number; value: number }
    actuals: ReadonlyArray<{ year: number; value: number }>
    latest: { year: number; value: number }
    targets: ReadonlyArray<{ year: number; value: number; status: string; illustrative: boolean; progress: number }>
  }>
}

describe("GET /v1/strategies/{id}/follow-up", () => {
  let s: Setup
  beforeAll(async () => {
    s = await setup()
  })
  afterAll(async () => {
    await s.db.dispose()
  })

  it("follows each indicator link with the actuals of its stored series and a status per target year", async () => {
    const res = await s.app.request(path)
    expect(res.status).toBe(200)
    const body = (await res.json()) as Answer
    expect(body.thresholds).toEqual({ onTrack: 0.9, atRisk: 0.5 })
    expect(body.links).toHaveLength(1)
    const [f] = body.links
    expect(f!.link).toMatchObject({ indicator: "rd_private_eur_hab", unit: "SE33" })
    expect(f!.link.seriesSource.title).toMatch(/^Eurostat rd_e_gerdreg/)
    expect(f!.baseline).toEqual({ year: 2015, value: 275.7 })
    expect(f!.actuals).toEqual([
      { year: 2015, value: 275.7 },
      { year: 2017, value: 250 }
    ])
    expect(f!.latest).toEqual({ year: 2017, value: 250 })
    expect(f!.targets.map((t) => [t.year, t.value, t.status, t.illustrative])).toEqual([
      [2025, 300, "off-track", true],
      [2030, 400, "off-track", true]
    ])
    // 2017 on the path to 300 in 2025 expects 275.7 + 24.3 · 2/10 = 280.56
    expect(f!.targets[0]!.progress).toBeCloseTo(-25.7 / 4.86, 10)
  })

  it("takes the thresholds from the query and refuses ones that contradict each other", async () => {
    const lenient = (await (await s.app.request(`${path}&onTrack=0&atRisk=0`)).json()) as Answer
    // a fall is below any non-negative threshold: still off track
    expect(lenient.thresholds).toEqual({ onTrack: 0, atRisk: 0 })
    expect(lenient.links[0]!.targets.map((t) => t.status)).toEqual(["off-track", "off-track"])
    const bad = await s.app.request(`${path}&onTrack=0.4&atRisk=0.6`)
    expect(bad.status).toBe(400)
    expect(bad.headers.get("content-type")).toMatch(/problem\+json/)
    expect(((await bad.json()) as { detail: string }).detail).toBe(
      "expected atRisk ≤ onTrack, found atRisk 0.6 and onTrack 0.4"
    )
    expect((await s.app.request(`${path}&onTrack=abc`)).status).toBe(400)
  })

  it("answers 404 for a strategy that does not exist, and no links for one without", async () => {
    expect((await s.app.request("/v1/strategies/nowhere/follow-up")).status).toBe(404)
    const rus = (await (
      await s.app.request("/v1/strategies/vasterbotten-rus-2020/follow-up?organisation=region-vasterbotten")
    ).json()) as Answer
    expect(rus.links).toEqual([])
  })
})
