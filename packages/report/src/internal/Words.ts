import type { Label } from "../Lang.js"

/** The fixed words the charts and tables use, in both languages. */
export const words = {
  missing: { sv: "Saknas", en: "No data" },
  blank: { sv: "tom ruta", en: "blank cell" },
  value: { sv: "Värde", en: "Value" },
  low: { sv: "Nedre", en: "Low" },
  high: { sv: "Övre", en: "High" },
  interval: { sv: "Intervall", en: "Interval" },
  group: { sv: "Grupp", en: "Group" },
  rank: { sv: "Rang", en: "Rank" },
  period: { sv: "Period", en: "Period" },
  total: { sv: "Totalt", en: "Total" },
  table: { sv: "Tabell", en: "Table" },
  dataTable: { sv: "Diagrammets data", en: "Data behind the chart" },
  code: { sv: "Kod", en: "Code" },
  name: { sv: "Namn", en: "Name" },
  share: { sv: "Andel", en: "Share" },
  count: { sv: "Antal", en: "Count" },
  change: { sv: "Förändring", en: "Change" },
  start: { sv: "Start", en: "Start" },
  end: { sv: "Slut", en: "End" }
} satisfies Record<string, Label>
