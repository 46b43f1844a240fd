import { mkdirSync, readFileSync } from "node:fs"
import { createRequire } from "node:module"
import { join } from "node:path"
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { password, people, type Started, start } from "./support.js"

const executablePath = "/usr/bin/chromium"
const artifacts = join(import.meta.dirname, "..", ".artifacts")
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8")

interface AxeViolation {
  readonly id: string
  readonly impact: string | null
  readonly nodes: ReadonlyArray<{ readonly target: ReadonlyArray<string> }>
}

describe("the workspace in headless Chromium, by keyboard", { tags: ["chromium"] }, () => {
  let s: Started
  let browser: Browser
  const contexts: Array<BrowserContext> = []
  const errors: Array<string> = []
  const audited: Array<string> = []

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true })
    s = await start("sqlite")
    browser = await chromium.launch({
      executablePath,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run"
      ]
    })
  })

  afterAll(async () => {
    for (const c of contexts) await c.close()
    await browser?.close()
    await s?.close()
  })

  /** A fresh browser profile (its own cookies). axe is injected as a script, so the page's CSP is bypassed for it. */
  const newPage = async (): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, bypassCSP: true })
    contexts.push(context)
    const page = await context.newPage()
    page.on("console", (m) => {
      // Chromium reports a page's own 4xx status as a console error; the tests check those statuses themselves
      if (m.type() === "error" && !/status of 4\d\d/.test(m.text())) errors.push(m.text())
    })
    page.on("pageerror", (e) => errors.push(e.message))
    return page
  }

  /** axe-core on the page: no serious or critical violation; then a full-page screenshot. */
  const audit = async (page: Page, name: string) => {
    await page.addScriptTag({ content: axeSource })
    const violations = await page.evaluate(async () => {
      const axe = (
        globalThis as unknown as {
          axe: { run: (context: unknown, options: unknown) => Promise<{ violations: Array<AxeViolation> }> }
        }
      ).axe
      const result = await axe.run((globalThis as unknown as { document: unknown }).document, {
        resultTypes: ["violations"]
      })
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        nodes: v.nodes.map((n) => ({ target: n.target }))
      }))
    })
    const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical")
    expect(bad, `${name}: ${JSON.stringify(bad)}`).toEqual([])
    await page.screenshot({ path: join(artifacts, `web-${name}.png`), fullPage: true })
    audited.push(name)
  }

  /** Tabs forward until the focused element matches `selector` (at most 80 presses): the keyboard reaches it. */
  const tabTo = async (page: Page, selector: string) => {
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press("Tab")
      const hit = await page.evaluate(
        (sel) =>
          (
            globalThis as unknown as { document: { activeElement: { matches: (s: string) => boolean } | null } }
          ).document.activeElement?.matches(sel) ?? false,
        selector
      )
      if (hit) return
    }
    throw new Error(`the keyboard did not reach ${selector}`)
  }

  const signIn = async (page: Page, email: string, query = "") => {
    const response = await page.goto(`${s.origin}/app${query}`)
    expect(response?.url()).toBe(`${s.origin}/app/sign-in${query}`)
    await tabTo(page, 'input[name="email"]')
    await page.keyboard.type(email)
    await tabTo(page, 'input[name="password"]')
    await page.keyboard.type(password)
    await Promise.all([page.waitForURL(`${s.origin}/app${query}`), page.keyboard.press("Enter")])
  }

  it("signs in, refuses a half-filled project at its field, then creates it linked to a goal and lists it", async () => {
    const page = await newPage()
    await page.goto(`${s.origin}/app`)
    await audit(page, "sign-in-sv")
    await signIn(page, people.editor.email)
    expect(await page.locator("h1").textContent()).toBe("Portföljen")
    await audit(page, "portfolio-sv")

    await tabTo(page, 'a[href="/app/projects/new"]')
    await Promise.all([page.waitForURL(`${s.origin}/app/projects/new`), page.keyboard.press("Enter")])
    await audit(page, "project-new-sv")
    await tabTo(page, 'input[name="title.sv"]')
    await page.keyboard.type("Skogsbioekonomi i inlandet")
    await tabTo(page, "button.primary")
    await page.keyboard.press("Enter")
    await page.waitForSelector(".errors")
    // the English title is required by the model: the store says so, at the field
    expect(await page.locator("#f-title-en").getAttribute("aria-invalid")).toBe("true")
    expect(await page.locator("#f-title-en-error").textContent()).toBe("Titel (engelska): måste fyllas i")
    expect(await page.locator(".errors a[href='#f-title-en']").count()).toBe(1)
    expect(await page.locator("#f-title-sv").inputValue()).toBe("Skogsbioekonomi i inlandet")
    await audit(page, "project-errors-sv")

    await page.locator("body").focus()
    await tabTo(page, 'input[name="title.en"]')
    await page.keyboard.type("Forest bioeconomy inland")
    await tabTo(page, 'input[name="period.start"]')
    await page.keyboard.type("2025-01")
    await tabTo(page, 'input[name="goals"][value="vasterbotten-ris-2022-goal-1"]')
    await page.keyboard.press("Space")
    await tabTo(page, "button.primary")
    await Promise.all([page.waitForURL(/\/app\?created=skogsbioekonomi-i-inlandet$/), page.keyboard.press("Enter")])
    const row = page.locator("tr", { hasText: "Skogsbioekonomi i inlandet" })
    expect(await row.count()).toBe(1)
    expect(await row.locator("td").nth(1).textContent()).toBe("idé")
    expect(await row.locator("td").nth(2).textContent()).toContain("1. ")
    expect(await row.locator("td").nth(3).textContent()).toBe("2025-01")
    await audit(page, "portfolio-created-sv")
  })

  it("shows the second of two editors of one project the conflict page with both versions, and lets them keep theirs", async () => {
    const first = await newPage()
    const second = await newPage()
    await signIn(first, people.editor.email)
    await signIn(second, people.editor2.email)
    const path = `${s.origin}/app/projects/vasterbotten-osiris`
    await first.goto(path)
    await second.goto(path)
    await audit(first, "project-edit-sv")
    const original = await first.locator("#f-title-sv").inputValue()

    await first.locator("body").focus()
    await tabTo(first, 'input[name="title.sv"]')
    await first.keyboard.press("Control+A")
    await first.keyboard.type("OSIRIS – först sparad")
    await tabTo(first, "button.primary")
    await Promise.all([first.waitForURL(`${path}?saved=1`), first.keyboard.press("Enter")])
    expect(await first.locator(".notice").textContent()).toBe("Sparat.")

    await second.locator("body").focus()
    await tabTo(second, 'input[name="title.sv"]')
    await second.keyboard.press("Control+A")
    await second.keyboard.type("OSIRIS – andra versionen")
    await tabTo(second, "button.primary")
    await second.keyboard.press("Enter")
    await second.waitForSelector("table.diff")
    expect(await second.locator("h1").textContent()).toBe("Ändrat av någon annan")
    expect(await second.locator(".notice").textContent()).toContain("sedan du öppnade den")
    const titleRow = second.locator("table.diff tbody tr").first()
    expect(await titleRow.locator("td").nth(0).textContent()).toBe("OSIRIS – andra versionen")
    expect(await titleRow.locator("td").nth(1).textContent()).toBe("OSIRIS – först sparad")
    expect(original).not.toBe("OSIRIS – först sparad")
    await audit(second, "conflict-sv")

    await tabTo(second, "button.secondary")
    await Promise.all([second.waitForURL(`${path}?saved=1`), second.keyboard.press("Enter")])
    expect(await second.locator("#f-title-sv").inputValue()).toBe("OSIRIS – andra versionen")
    expect(await second.locator(".meta").first().textContent()).toContain("Version 3")
  })

  it("reaches strategies, goals and efforts from the section bar by keyboard, and their forms pass axe", async () => {
    const page = await newPage()
    await signIn(page, people.admin.email)
    for (const [path, name] of [
      ["/app/strategies", "strategies-sv"],
      ["/app/goals", "goals-sv"],
      ["/app/efforts", "efforts-sv"]
    ] as const) {
      await page.locator("body").focus()
      await tabTo(page, `nav.sections a[href="${path}"]`)
      await Promise.all([page.waitForURL(`${s.origin}${path}`), page.keyboard.press("Enter")])
      expect(await page.locator('nav.sections [aria-current="page"]').getAttribute("href")).toBe(path)
      await audit(page, name)
    }
    await page.goto(`${s.origin}/app/goals/new`)
    await audit(page, "goal-new-sv")
    await page.goto(`${s.origin}/app/strategies/vasterbotten-ris-2022`)
    expect(await page.locator("#f-title-sv").inputValue()).toBe(
      "Regional innovationsstrategi för Västerbotten 2022–2030"
    )
    await audit(page, "strategy-edit-sv")
  })

  it("in English; a viewer sees no edit controls; unknown pages answer 404", async () => {
    const page = await newPage()
    await page.goto(`${s.origin}/app/sign-in?lang=en`)
    expect(await page.locator("html").getAttribute("lang")).toBe("en")
    await audit(page, "sign-in-en")
    await signIn(page, people.viewer.email, "?lang=en")
    expect(await page.locator("h1").textContent()).toBe("The portfolio")
    expect(await page.locator("a[href*='/projects/new']").count()).toBe(0)
    await audit(page, "portfolio-viewer-en")
    await page.goto(`${s.origin}/app/projects/vasterbotten-osiris?lang=en`)
    expect(await page.locator("main form").count()).toBe(0)
    expect(await page.locator("main input, main select, main textarea, main button").count()).toBe(0)
    await audit(page, "project-viewer-en")
    const missing = await page.goto(`${s.origin}/app/nowhere?lang=en`)
    expect(missing?.status()).toBe(404)
    await audit(page, "not-found-en")
    // sign out by keyboard from the top bar
    await page.locator("body").focus()
    await tabTo(page, "header form[action^='/app/sign-out?'] button")
    await Promise.all([page.waitForURL(/\/app\/sign-in\?done=out/), page.keyboard.press("Enter")])
    expect(await page.locator(".notice").textContent()).toBe("You are signed out.")
  })

  it("had no script errors and audited every page", () => {
    expect(errors).toEqual([])
    expect(audited).toEqual([
      "sign-in-sv",
      "portfolio-sv",
      "project-new-sv",
      "project-errors-sv",
      "portfolio-created-sv",
      "project-edit-sv",
      "conflict-sv",
      "strategies-sv",
      "goals-sv",
      "efforts-sv",
      "goal-new-sv",
      "strategy-edit-sv",
      "sign-in-en",
      "portfolio-viewer-en",
      "project-viewer-en",
      "not-found-en"
    ])
  })
})
