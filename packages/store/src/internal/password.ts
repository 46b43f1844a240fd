import { randomBytes, scrypt, timingSafeEqual } from "node:crypto"
import { Effect } from "effect"

// scrypt with N = 2^15, r = 8, p = 1: 32 MiB and tens of milliseconds per hash (OWASP's minimum for scrypt is
// N = 2^17 with r = 8, p = 1 at 128 MiB, or N = 2^15 with more parallelism; this is the floor the issue asks for).
const logN = 15
const r = 8
const p = 1
const keyLength = 32

const derive = (password: string, salt: Buffer, cost: { logN: number; r: number; p: number }) =>
  Effect.async<Buffer>((resume) => {
    const N = 2 ** cost.logN
    scrypt(
      password.normalize("NFC"),
      salt,
      keyLength,
      { N, r: cost.r, p: cost.p, maxmem: 256 * N * cost.r * cost.p },
      (error, key) => (error === null ? resume(Effect.succeed(key)) : resume(Effect.die(error)))
    )
  })

/** `scrypt$<log2 N>$<r>$<p>$<salt base64>$<key base64>`: the parameters travel with the hash, so they can grow. */
export const hash = (password: string): Effect.Effect<string> =>
  Effect.suspend(() => {
    const salt = randomBytes(16)
    return Effect.map(
      derive(password, salt, { logN, r, p }),
      (key) => `scrypt$${logN}$${r}$${p}$${salt.toString("base64")}$${key.toString("base64")}`
    )
  })

/** Whether `password` matches `stored` (constant-time comparison); a malformed stored value never matches. */
export const verify = (password: string, stored: string): Effect.Effect<boolean> => {
  const parts = stored.split("$")
  if (parts.length !== 6 || parts[0] !== "scrypt") return Effect.succeed(false)
  const [cost, blockSize, parallel] = parts.slice(1, 4).map(Number) as [number, number, number]
  if (![cost, blockSize, parallel].every((n) => Number.isInteger(n) && n >= 1 && n <= 20)) return Effect.succeed(false)
  const salt = Buffer.from(parts[4]!, "base64")
  const expected = Buffer.from(parts[5]!, "base64")
  return Effect.map(
    derive(password, salt, { logN: cost, r: blockSize, p: parallel }),
    (key) => key.length === expected.length && timingSafeEqual(key, expected)
  )
}

let decoyHash: string | undefined

/** A hash of a random password: verified against when an e-mail is unknown, so that the answer takes as long. */
export const decoy: Effect.Effect<string> = Effect.suspend(() =>
  decoyHash === undefined
    ? Effect.tap(hash(randomBytes(16).toString("hex")), (h) => (decoyHash = h))
    : Effect.succeed(decoyHash)
)
