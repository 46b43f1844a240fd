/**
 * A progress reporter for long work, always on stderr so that stdout stays clean for `--json`. On a terminal it
 * redraws one bar; when piped it prints a plain line at every tenth of the way.
 */
export interface Progress {
  readonly update: (done: number, total: number) => void
  readonly finish: () => void
}

export const progress = (label: string, stream: NodeJS.WriteStream = process.stderr): Progress => {
  const tty = Boolean(stream.isTTY)
  let lastTenth = -1
  let lastDraw = 0
  return {
    update: (done, total) => {
      const fraction = total > 0 ? Math.min(1, done / total) : 1
      if (tty) {
        const now = Date.now()
        if (now - lastDraw < 50 && done < total) return
        lastDraw = now
        const width = 30
        const filled = Math.round(fraction * width)
        stream.write(
          `\r${label} [${"#".repeat(filled)}${" ".repeat(width - filled)}] ${Math.round(fraction * 100)}% (${done}/${total})`
        )
      } else {
        const tenth = Math.floor(fraction * 10)
        if (tenth > lastTenth) {
          lastTenth = tenth
          stream.write(`${label}: ${tenth * 10}% (${done}/${total})\n`)
        }
      }
    },
    finish: () => {
      if (tty) stream.write("\n")
    }
  }
}
