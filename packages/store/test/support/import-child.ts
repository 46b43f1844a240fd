/**
 * A writer process for the fault tests: opens the store named by `STORE_ENGINE` (`sqlite` or `pg`) and
 * `STORE_TARGET` (a file or URL) and imports `ROWS` observations in one transaction, printing `progress <n>` after
 * each batch and `done` at the end. The test kills it with SIGKILL part-way.
 */
import { inspect } from "node:util"
import { Effect } from "effect"
import { Caller, layerPg, layerSqlite, Observations } from "../../src/index.js"

const engine = process.env.STORE_ENGINE
const target = process.env.STORE_TARGET!
const rows = Number(process.env.ROWS ?? 200_000)
const layer = engine === "pg" ? layerPg({ url: target }) : layerSqlite({ filename: target })

const indicator = new Array<string>(rows)
const unit = new Array<string>(rows)
const period = new Array<string>(rows)
const value = new Float64Array(rows)
for (let i = 0; i < rows; i++) {
  indicator[i] = `killed-${i % 7}`
  unit[i] = `U${Math.floor(i / 140)}`
  period[i] = String(1990 + (Math.floor(i / 7) % 20))
  value[i] = i
}

const program = Effect.flatMap(Observations.Observations, (o) =>
  o.import(
    Caller.member("region-a", "editor", "child"),
    { indicator, unit, period, value },
    {
      batchSize: 2000,
      importId: "killed",
      onProgress: (done) => {
        process.stdout.write(`progress ${done}\n`)
        // Give the parent time to deliver SIGKILL while the transaction is open.
        const until = Date.now() + 5
        while (Date.now() < until) {}
      }
    }
  )
)

Effect.runPromise(Effect.provide(program, layer)).then(
  () => process.stdout.write("done\n"),
  (error) => {
    process.stderr.write(`${inspect(error, { depth: 6 })}\n`)
    process.exitCode = 1
  }
)
