import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Csv } from "@innokraft/csv"
import { CycleReport, Example } from "@innokraft/loop"
import { beforeEach, describe, expect, it } from "vitest"
import { innokraft } from "./run.js"

let dir = ""
let cycle = ""
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "innokraft-loop-"))
  cycle = join(dir, "cycle.json")
  writeFileSync(cycle, JSON.stringify(Example.walkthrough(), null, 2))
})

describe("innokraft loop report", () => {
  it("--json prints exactly CycleReport.report of the cycle", () => {
    const { stdout, code } = innokraft(["loop", "report", cycle, "--json"])
    expect(code).toBe(0)
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(CycleReport.report(Example.walkthrough()))))
  })

  it("prints the funnel and marks the data as synthetic", () => {
    const { stdout, code } = innokraft(["loop", "report", cycle])
    const funnel = CycleReport.report(Example.walkthrough()).funnel
    expect(code).toBe(0)
    expect(stdout).toContain("[synthetic data]")
    expect(stdout).toMatch(new RegExp(`needs\\s+${funnel.needs}\\n`))
    expect(stdout).toMatch(new RegExp(`pilots\\s+${funnel.pilots}\\n`))
  })

  it("suppresses small cells: with a threshold above every count, no inclusion figure is published", () => {
    const { stdout } = innokraft(["loop", "report", cycle, "--threshold", "1000", "--json"])
    const report = JSON.parse(stdout) as CycleReport.Report
    expect(report.inclusion.gender.total).toBeNull()
    expect(Object.values(report.inclusion.gender.cells).every((v) => v === null || v === 0)).toBe(true)
  })

  it("names the path of every problem in an invalid cycle and exits 1", () => {
    const doc = Example.walkthrough() as unknown as { ideas: Array<{ stage: string }> }
    doc.ideas[0]!.stage = "rocket"
    writeFileSync(cycle, JSON.stringify(doc))
    const { stderr, code } = innokraft(["loop", "report", cycle])
    expect(code).toBe(1)
    expect(stderr).toContain(`${cycle}: ideas[0].stage: Invalid option: expected one of "problem_formulated"`)
  })
})

describe("innokraft loop advance", () => {
  it("records an allowed move in the file", () => {
    const { code, stdout } = innokraft([
      "loop",
      "advance",
      cycle,
      "--idea",
      "I-15",
      "--to",
      "implemented",
      "--by",
      "implementation workshop",
      "--reason",
      "Pilot evaluated",
      "--at",
      "2016-11-20"
    ])
    expect(code).toBe(0)
    expect(stdout).toContain("idea I-15 moved to implemented")
    const after = JSON.parse(readFileSync(cycle, "utf8")) as ReturnType<typeof Example.walkthrough>
    expect(after.ideas.find((i) => i.id === "I-15")?.stage).toBe("implemented")
    expect(after.transitions.at(-1)).toMatchObject({
      ideaId: "I-15",
      from: "pilot",
      to: "implemented",
      decidedBy: "implementation workshop",
      rationale: "Pilot evaluated"
    })
    expect(after.transitions).toHaveLength(Example.walkthrough().transitions.length + 1)
  })

  it("refuses an illegal move with the reason and writes nothing", () => {
    const before = readFileSync(cycle)
    const { code, stderr } = innokraft([
      "loop",
      "advance",
      cycle,
      "--idea",
      "I-01",
      "--to",
      "idea",
      "--by",
      "jury",
      "--reason",
      "x"
    ])
    expect(code).toBe(1)
    expect(stderr).toContain('Cannot move idea "I-01" from "company_formed" to "idea"')
    expect(readFileSync(cycle).equals(before)).toBe(true)
  })

  it("refuses an unknown idea", () => {
    const { code, stderr } = innokraft([
      "loop",
      "advance",
      cycle,
      "--idea",
      "I-99",
      "--to",
      "concept",
      "--by",
      "jury",
      "--reason",
      "x"
    ])
    expect(code).toBe(1)
    expect(stderr).toContain("I-99")
  })
})

describe("innokraft loop export and example", () => {
  it("exports the ideas CSV with one row per idea", () => {
    const out = join(dir, "ideas.csv")
    expect(innokraft(["loop", "export", cycle, "--format", "csv", "--out", out]).code).toBe(0)
    const table = Csv.parse(readFileSync(out, "utf8"), { source: out })
    expect(table.rows).toHaveLength(Example.walkthrough().ideas.length)
  })

  it("exports a Decidim-style participatory process", () => {
    const { stdout, code } = innokraft(["loop", "export", cycle, "--format", "decidim"])
    expect(code).toBe(0)
    const process = JSON.parse(stdout) as {
      synthetic: boolean
      components: { proposals: Array<unknown>; meetings: Array<unknown> }
    }
    expect(process.synthetic).toBe(true)
    expect(process.components.meetings).toHaveLength(Example.walkthrough().meetings.length)
    expect(process.components.proposals.length).toBeGreaterThan(0)
  })

  it("writes the synthetic walk-through", () => {
    const out = join(dir, "walk.json")
    expect(innokraft(["loop", "example", "--out", out]).code).toBe(0)
    expect(JSON.parse(readFileSync(out, "utf8"))).toEqual(JSON.parse(JSON.stringify(Example.walkthrough())))
  })
})
