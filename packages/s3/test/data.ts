import { Matrix } from "../src/index.js"
import { readShared } from "./golden.js"

/** Eurostat employment, the 21 Swedish NUTS 3 regions (counties) × ten NACE A*10 groups, 2000–2017. */
export const eurostatCounties = () =>
  Matrix.fromLongCsv(readShared("eurostat-empers-se/empers_se_nuts_2000_2018.csv"), {
    source: "empers_se_nuts_2000_2018.csv",
    columns: { region: "nuts_code", industry: "nace_group", value: "persons" },
    region: (code) => code.length === 5 && !code.startsWith("SEZ"),
    industry: (code) => code !== "TOTAL"
  })

/** The national row SE of the same file (reference totals per group), 2000–2017. */
export const eurostatSweden = () =>
  Matrix.fromLongCsv(readShared("eurostat-empers-se/empers_se_nuts_2000_2018.csv"), {
    source: "empers_se_nuts_2000_2018.csv",
    columns: { region: "nuts_code", industry: "nace_group", value: "persons" },
    region: (code) => code === "SE",
    industry: (code) => code !== "TOTAL",
    year: (y) => y <= 2017
  })

/** German Länder × ten WZ 2008 groups, 2008–2014 (REAT). */
export const germanLaender = () =>
  Matrix.fromLongCsv(readShared("reat-employment/de_laender_employees_2008_2014.csv"), {
    source: "de_laender_employees_2008_2014.csv",
    columns: { region: "region_code", industry: "industry_code" }
  })
