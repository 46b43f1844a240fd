import { boras as borasWorkspace } from "./internal/examples/boras.js"
import { vasterbotten as vasterbottenWorkspace } from "./internal/examples/vasterbotten.js"
import { vasternorrland as vasternorrlandWorkspace } from "./internal/examples/vasternorrland.js"
import type { Workspace } from "./Workspace.js"

/**
 * Västerbotten: RIS 2022–2030 (vision and both goals verbatim), its nine strength areas as placeholders (named only
 * in the strategy PDF), the RIV and OSIRIS projects, the Innovation Loop and known meeting places. Sourced facts
 * only; every record names its sources.
 *
 * @since 0.1.0
 */
export const vasterbotten: Workspace = vasterbottenWorkspace

/**
 * Västernorrland: the RIS3 adopted December 2020, its three published S3 priorities and an ERDF implementation
 * project (Kohesio Q7362065).
 *
 * @since 0.1.0
 */
export const vasternorrland: Workspace = vasternorrlandWorkspace

/**
 * Borås: Innovationsplattform Borås (Vinnova 2015-06046, SEK 6,850,000, February 2016 – August 2019) with its four
 * phases, and its predecessor Innovationsplattform Norrby.
 *
 * @since 0.1.0
 */
export const boras: Workspace = borasWorkspace

/**
 * All example workspaces by name.
 *
 * @since 0.1.0
 */
export const all: Readonly<Record<"vasterbotten" | "vasternorrland" | "boras", Workspace>> = {
  vasterbotten,
  vasternorrland,
  boras
}
