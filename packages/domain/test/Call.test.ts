import { describe, expect, it } from "vitest"
import { Call } from "../src/index.js"

describe("Call.statusOn", () => {
  const call = { opens: "2026-01", deadline: "2026-03-15" }
  it("is upcoming before the opening month, open through the deadline day, closed after it", () => {
    expect(Call.statusOn(call, "2025-12-31")).toBe("upcoming")
    expect(Call.statusOn(call, "2026-01-01")).toBe("open")
    expect(Call.statusOn(call, "2026-03-15")).toBe("open")
    expect(Call.statusOn(call, "2026-03-16")).toBe("closed")
    expect(Call.statusOn({ deadline: "2026" }, "2020-05-05")).toBe("open")
    expect(Call.statusOn({ deadline: "2026" }, "2026-12-31")).toBe("open")
    expect(Call.statusOn({ deadline: "2026" }, "2027-01-01")).toBe("closed")
  })
})
