/**
 * Benchmarks of @innokraft/loop on a synthetic cycle at the Innovation Loop's published scale and ten times it
 * (up to 1,500 people a year, domain.md §1.5). Prints the median of repeated runs; no assertions.
 */
import type { MunicipalityCode } from "@innokraft/reference"
import { CycleDocument, CycleReport, Decidim, Example, IdeasCsv, Lifecycle } from "../src/index.js"

const median = (run: () => unknown, repeats: number): number => {
  const times = new Float64Array(repeats)
  for (let r = 0; r < repeats; r++) {
    const start = performance.now()
    run()
    times[r] = performance.now() - start
  }
  times.sort()
  return times[repeats >> 1]!
}

const codes = ["2480", "2481", "2482", "2421", "2462", "2401", "2418"] as MunicipalityCode[]

/** A synthetic document with `people` persons, `people / 5` ideas moved through the gates. */
const synthetic = (people: number): CycleDocument.CycleDocument => {
  const base = Example.walkthrough()
  const meetings = Array.from({ length: 40 }, (_, k) => ({
    id: `BM${k}`,
    type: (["information", "idea", "prototyping", "implementation"] as const)[k % 4]!,
    title: `Synthetic bench meeting ${k}`,
    subThemeIds: [],
    date: "2016-03-01",
    municipality: codes[k % codes.length]!,
    mode: "in-person" as const,
    facilitators: []
  }))
  const participations = Array.from({ length: people * 3 }, (_, k) => ({
    id: `BP${k}`,
    meetingId: `BM${k % 40}`,
    person: `BS-${k % people}`,
    role: "participant" as const,
    helix: (["public", "business", "academia", "civil-society", "citizens"] as const)[k % 5]!,
    organisation: `Synthetic organisation ${k % 70}`,
    ...(k % 3 === 0
      ? {
          consent: { given: true as const, at: "2016-03-01" },
          demographics: { gender: (["woman", "man", "other"] as const)[k % 3]!, municipality: codes[k % 7]! }
        }
      : {})
  }))
  let doc: CycleDocument.CycleDocument = {
    ...base,
    cycle: { ...base.cycle, status: "implementation" },
    meetings: [...base.meetings, ...meetings],
    participations: [...base.participations, ...participations],
    ideas: [
      ...base.ideas,
      ...Array.from({ length: people / 5 }, (_, k) => ({
        id: `BI-${k}`,
        title: `Synthetic bench idea ${k}`,
        need: "Synthetic need",
        description: "",
        team: [],
        createdAt: "2016-03-01",
        stage: "problem_formulated" as const,
        status: "active" as const,
        tags: [],
        strengthAreaIds: []
      }))
    ]
  }
  const path = ["idea", "concept", "prototype", "pilot", "implemented"]
  for (let k = 0; k < people / 5; k++) {
    for (let s = 0; s <= k % 5; s++) {
      doc = Lifecycle.advance(doc, {
        idea: `BI-${k}`,
        to: path[s]!,
        by: "jury",
        reason: "bench",
        at: `2016-0${s + 5}-01`
      })
    }
  }
  return doc
}

for (const people of [1500, 15000]) {
  const doc = synthetic(people)
  const json = JSON.parse(JSON.stringify(doc))
  const size = `${doc.participations.length} participations, ${doc.ideas.length} ideas, ${doc.transitions.length} transitions`
  const repeats = people > 2000 ? 7 : 21
  console.log(`\n${people} people (${size})`)
  console.log(`  CycleDocument.parse       ${median(() => CycleDocument.parse(json), repeats).toFixed(2)} ms`)
  console.log(`  CycleReport.report        ${median(() => CycleReport.report(doc), repeats).toFixed(2)} ms`)
  console.log(
    `  Lifecycle.advance (1 move) ${median(
      () => Lifecycle.advance(doc, { idea: "BI-0", to: "concept", by: "jury", reason: "bench", at: "2016-12-01" }),
      repeats
    ).toFixed(3)} ms`
  )
  console.log(`  IdeasCsv.write            ${median(() => IdeasCsv.write(doc), repeats).toFixed(2)} ms`)
  console.log(`  Decidim export            ${median(() => Decidim.toParticipatoryProcess(doc), repeats).toFixed(2)} ms`)
}
console.log(`\nExample.walkthrough        ${median(() => Example.walkthrough(), 21).toFixed(2)} ms`)
