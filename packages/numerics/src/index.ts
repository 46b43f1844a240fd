/**
 * `@innokraft/numerics` — small numeric kernels the compute packages (`@innokraft/measure`, `@innokraft/s3`,
 * `@innokraft/loop`) share: a seeded PRNG and the Jacobi eigen-decomposition of small symmetric matrices. Pure,
 * synchronous, no dependencies.
 *
 * @since 0.1.0
 */
export * as Prng from "./Prng.js"
export * as SymmetricEigen from "./SymmetricEigen.js"
