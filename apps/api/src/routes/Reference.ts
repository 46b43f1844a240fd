import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi"
import { County, Municipality, Nuts, Sni } from "@innokraft/reference"
import { json, problems } from "../internal/route.js"

const Label = z.object({ sv: z.string(), en: z.string() }).openapi("Label")
const CountySchema = z
  .object({
    code: z.string(),
    name: Label,
    shortName: z.string(),
    nuts3: z.string(),
    nuts2: z.string(),
    nuts1: z.string()
  })
  .openapi("County")
const MunicipalitySchema = z
  .object({ code: z.string(), name: z.string(), label: Label, county: z.string() })
  .openapi("Municipality")
const NutsSchema = z
  .object({ code: z.string(), level: z.number().int(), name: z.string(), parent: z.string().nullable() })
  .openapi("NutsRegion")
const SectionSchema = z
  .object({ code: z.string(), name: Label, divisions: z.array(z.string()).readonly() })
  .openapi("SniSection")
const DivisionSchema = z.object({ code: z.string(), section: z.string(), name: Label }).openapi("SniDivision")
const list = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item).readonly() })

/**
 * `GET /v1/reference/...`: the code lists of `@innokraft/reference` — counties, municipalities (optionally of one
 * county), NUTS regions, SNI 2007 sections and divisions.
 *
 * @since 0.1.0
 */
export const registerReference = (app: OpenAPIHono) => {
  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/reference/counties",
      tags: ["Reference"],
      summary: "The 21 Swedish counties (län)",
      responses: { 200: json(list(CountySchema), "All counties in SCB code order") }
    }),
    (c) => c.json({ items: County.all }, 200)
  )
  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/reference/municipalities",
      tags: ["Reference"],
      summary: "The 290 Swedish municipalities (kommuner)",
      request: { query: z.object({ county: z.string().optional().openapi({ example: "24" }) }) },
      responses: {
        200: json(list(MunicipalitySchema), "Municipalities in code order"),
        404: { ...problems(404)[404], description: "Unknown county code" }
      }
    }),
    (c) => {
      const { county } = c.req.valid("query")
      if (county === undefined) return c.json({ items: Municipality.all }, 200)
      return c.json({ items: Municipality.inCounty(County.parse(county).code) }, 200)
    }
  )
  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/reference/nuts",
      tags: ["Reference"],
      summary: "Swedish NUTS regions (levels 0–3; identical in NUTS 2016, 2021 and 2024)",
      responses: { 200: json(list(NutsSchema), "All regions sorted by code") }
    }),
    (c) => c.json({ items: Nuts.all }, 200)
  )
  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/reference/sni/sections",
      tags: ["Reference"],
      summary: "SNI 2007 / NACE Rev. 2 sections",
      responses: { 200: json(list(SectionSchema), "Sections A–U") }
    }),
    (c) => c.json({ items: Sni.sections }, 200)
  )
  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/reference/sni/divisions",
      tags: ["Reference"],
      summary: "SNI 2007 / NACE Rev. 2 divisions",
      responses: { 200: json(list(DivisionSchema), "The 88 divisions") }
    }),
    (c) => c.json({ items: Sni.divisions }, 200)
  )
  return app
}
