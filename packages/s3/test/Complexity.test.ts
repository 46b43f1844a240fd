import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Complexity, Fitness, LocationQuotient, Matrix, Relatedness } from "../src/index.js"
import { expected, maxDiff, maxDiff2, readShared } from "./golden.js"

const load = (name: string) => Matrix.year(Matrix.fromLongCsv(readShared(`s3-reference/${name}.csv`), { source: name }))

describe.each(["dev-1", "dev-2"])("golden %s against py-ecomplexity 0.5.2 and economiccomplexity 1.4", (name) => {
  const m = load(name)
  const e = expected(name)
  const mcp = LocationQuotient.presence(m)

  it("reads every region and industry", () => {
    expect(m.regions.length).toBe(Object.keys(e.eci).length)
    expect(m.industries.length).toBe(Object.keys(e.pci).length)
  })

  it("reproduces RCA to 1e-12 and M, diversity and ubiquity exactly", () => {
    expect(maxDiff2(Matrix.toRecords(LocationQuotient.of(m)), e.rca)).toBeLessThan(1e-12)
    expect(maxDiff2(Matrix.toRecords(mcp), e.mcp)).toBe(0)
    expect(maxDiff2(Matrix.toRecords(LocationQuotient.binary(LocationQuotient.of(m))), e.mcp)).toBe(0)
    expect(maxDiff(Matrix.toRecord(LocationQuotient.diversity(mcp)), e.diversity)).toBe(0)
    expect(maxDiff(Matrix.toRecord(LocationQuotient.ubiquity(mcp)), e.ubiquity)).toBe(0)
  })

  it("reproduces ECI and PCI (population sd, PCI on ECI's scale) to 1e-10", () => {
    const result = Complexity.eci(mcp)
    expect(result.warnings).toEqual([])
    expect(result.residual).toBeLessThan(1e-13)
    expect(maxDiff(Matrix.toRecord(result.eci), e.eci)).toBeLessThan(1e-10)
    expect(maxDiff(Matrix.toRecord(result.pci), e.pci)).toBeLessThan(1e-10)
  })

  it("gives the sample-sd ECI as py-ecomplexity's ECI × √((N − 1)/N)", () => {
    const sample = Complexity.eci(mcp, { sd: "sample" })
    const n = m.regions.length
    const factor = Math.sqrt((n - 1) / n)
    const scaled = Object.fromEntries(Object.entries(e.eci).map(([k, v]) => [k, v * factor]))
    expect(maxDiff(Matrix.toRecord(sample.eci), scaled)).toBeLessThan(1e-10)
  })

  it("reproduces fitness and product complexity (20 iterations) to 1e-10", () => {
    const f = Fitness.of(mcp)
    expect(maxDiff(Matrix.toRecord(f.fitness), e.fitness)).toBeLessThan(1e-10)
    expect(maxDiff(Matrix.toRecord(f.complexity), e.complexity_fc)).toBeLessThan(1e-10)
  })

  it("agrees in ranking with the method of reflections (20 steps)", () => {
    const eig = Complexity.eci(mcp).eci.values
    const mor = Complexity.reflections(mcp).eci.values
    let num = 0
    let a2 = 0
    let b2 = 0
    for (let k = 0; k < eig.length; k++) {
      num += eig[k]! * mor[k]!
      a2 += eig[k]! ** 2
      b2 += mor[k]! ** 2
    }
    expect(num / Math.sqrt(a2 * b2)).toBeGreaterThan(0.99)
  })
})

describe("golden dev-1 proximity and density against py-ecomplexity", () => {
  const m = load("dev-1")
  const e = expected("dev-1")
  const mcp = LocationQuotient.presence(m)
  const phi = Relatedness.proximity(mcp)

  it("reproduces proximity (off-diagonal) to 1e-10", () => {
    const n = phi.labels.length
    const record: Record<string, Record<string, number>> = {}
    phi.labels.forEach((a, i) => {
      const row: Record<string, number> = {}
      phi.labels.forEach((b, j) => {
        if (i !== j) row[b] = phi.values[i * n + j]!
      })
      record[a] = row
    })
    expect(maxDiff2(record, e.proximity!)).toBeLessThan(1e-10)
  })

  it("reproduces density (diagonal included) to 1e-10, and excluding the diagonal changes it", () => {
    const d = Relatedness.density(mcp, phi)
    expect(maxDiff2(Matrix.toRecords(d), e.density!)).toBeLessThan(1e-10)
    const x = Relatedness.density(mcp, phi, "exclude")
    expect(maxDiff2(Matrix.toRecords(x), e.density!)).toBeGreaterThan(1e-3)
  })
})

describe("eigen-solver with close eigenvalues", () => {
  it("converges to a 1e-13 residual when λ3/λ2 ≥ 0.9, and ECI stays the mean PCI of a region's industries", () => {
    // Three nested blocks, linked by a few cross cells of different strength: λ2 and λ3 are both close to 1.
    const blocks = 3
    const size = 12
    const regions = Array.from({ length: blocks * size }, (_, r) => `r${r}`)
    const industries = Array.from({ length: blocks * size }, (_, i) => `i${i}`)
    const values: Array<number> = []
    for (let r = 0; r < blocks * size; r++) {
      for (let i = 0; i < blocks * size; i++) {
        const br = Math.floor(r / size)
        const bi = Math.floor(i / size)
        const nested = (r % size) + (i % size) < size + 2
        let v = 0
        if (br === bi && nested) v = 20 + ((r * 7 + i * 13) % 9)
        else if (br !== bi && (r % size) + (i % size) === (br + bi === 1 ? 1 : 3)) v = 25
        values.push(v)
      }
    }
    const mcp = LocationQuotient.presence(Matrix.make(regions, industries, values))
    const result = Complexity.eci(mcp)
    expect(result.residual).toBeLessThan(1e-13)
    expect(result.nextEigenvalue / result.eigenvalue).toBeGreaterThan(0.9)
    const I = industries.length
    for (let r = 0; r < regions.length; r++) {
      let s = 0
      let n = 0
      for (let i = 0; i < I; i++) {
        if (mcp.values[r * I + i]) {
          s += result.pci.values[i]!
          n++
        }
      }
      expect(Math.abs(s / n - result.eci.values[r]!)).toBeLessThan(1e-9)
    }
  })

  it("warns when the network is disconnected (λ2 = 1)", () => {
    const m = Matrix.fromRows(
      ["a", "b", "c", "d"],
      ["x", "y", "z", "w"],
      [
        [5, 5, 0, 0],
        [5, 1, 0, 0],
        [0, 0, 5, 1],
        [0, 0, 1, 5]
      ]
    )
    const result = Complexity.eci(LocationQuotient.presence(m))
    expect(result.eigenvalue).toBeCloseTo(1, 12)
    expect(result.warnings.join()).toMatch(/disconnected/)
  })
})

describe("properties", () => {
  const dev1 = load("dev-1")
  const base = Complexity.eci(LocationQuotient.presence(dev1))

  it("ECI is invariant to permuting regions (and industries)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        let s = seed
        const rand = () => {
          s = (s * 48271) % 2147483647
          return s / 2147483647
        }
        const regions = [...dev1.regions].sort(() => rand() - 0.5)
        const industries = [...dev1.industries].sort(() => rand() - 0.5)
        const permuted = Matrix.select(dev1, { regions, industries })
        const result = Complexity.eci(LocationQuotient.presence(permuted))
        const wanted = Matrix.toRecord(base.eci)
        expect(maxDiff(Matrix.toRecord(result.eci), wanted)).toBeLessThan(1e-10)
        expect(maxDiff(Matrix.toRecord(result.pci), Matrix.toRecord(base.pci))).toBeLessThan(1e-10)
      }),
      { numRuns: 10 }
    )
  })

  // The formula summed term by term, for any symmetric non-negative φ (diagonal 1, as proximity's): the reference
  // the optimised density (shorter of the present/absent lists, complement sums) is checked against, so that a wrong
  // sum cannot hide behind the clamp to [0, 1].
  const naiveDensity = (M: Uint8Array, phi: Float64Array, R: number, I: number, diagonal: Relatedness.Diagonal) => {
    const out = new Float64Array(R * I)
    for (let r = 0; r < R; r++) {
      for (let i = 0; i < I; i++) {
        let num = 0
        let den = 0
        for (let j = 0; j < I; j++) {
          if (diagonal === "exclude" && j === i) continue
          num += M[r * I + j]! * phi[j * I + i]!
          den += phi[j * I + i]!
        }
        out[r * I + i] = den > 0 ? num / den : 0
      }
    }
    return out
  }

  it("density is Σ_j M_rj φ_ij / Σ_j φ_ij summed term by term, with either diagonal convention", () => {
    const I = 7
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.boolean(), { minLength: I, maxLength: I }), { minLength: 1, maxLength: 9 }),
        // proximities are ratios of counts (≥ 1/R when not 0); φ far below 1e-16 of the diagonal vanishes in the sums
        fc.array(
          fc.integer({ min: 0, max: 1000 }).map((v) => v / 1000),
          { minLength: (I * (I - 1)) / 2, maxLength: (I * (I - 1)) / 2 }
        ),
        (rows, upper) => {
          const R = rows.length
          const M = Uint8Array.from(rows.flat(), (b) => (b ? 1 : 0))
          const phi = new Float64Array(I * I)
          let k = 0
          for (let i = 0; i < I; i++) {
            phi[i * I + i] = 1
            for (let j = i + 1; j < I; j++) {
              phi[i * I + j] = upper[k]!
              phi[j * I + i] = upper[k++]!
            }
          }
          const industries = Array.from({ length: I }, (_, i) => `i${i}`)
          const mcp = { regions: rows.map((_, r) => `r${r}`), industries, values: M }
          for (const diagonal of ["include", "exclude"] as const) {
            const got = Relatedness.density(mcp, { labels: industries, values: phi }, diagonal).values
            const want = naiveDensity(M, phi, R, I, diagonal)
            for (let c = 0; c < R * I; c++) expect(Math.abs(got[c]! - want[c]!)).toBeLessThan(1e-12)
          }
        }
      ),
      { numRuns: 200 }
    )
  })

  it("density over proximity on real data (dev-2) is the term-by-term sum, with either diagonal convention", () => {
    const dev2 = load("dev-2")
    const mcp = LocationQuotient.presence(dev2)
    const phi = Relatedness.proximity(mcp)
    const R = mcp.regions.length
    const I = mcp.industries.length
    for (const diagonal of ["include", "exclude"] as const) {
      const got = Relatedness.density(mcp, phi, diagonal).values
      const want = naiveDensity(mcp.values, phi.values, R, I, diagonal)
      let worst = 0
      for (let c = 0; c < R * I; c++) worst = Math.max(worst, Math.abs(got[c]! - want[c]!))
      expect(worst).toBeLessThan(1e-12)
    }
  })
})

describe("subnational complexity", () => {
  it("averages an external PCI over the region's specialisations and lists unknown industries", () => {
    const m = Matrix.fromRows(
      ["a", "b"],
      ["x", "y", "z"],
      [
        [10, 1, 5],
        [1, 10, 5]
      ]
    )
    const mcp = LocationQuotient.presence(m)
    const { eci, missing } = Complexity.subnational(mcp, { x: 2, y: -1 })
    expect(missing).toEqual(["z"])
    // a: M = (1, 0, 1) → mean over known {x} = 2; b: M = (0, 1, 1) → -1
    expect(Array.from(eci.values)).toEqual([2, -1])
  })
})
