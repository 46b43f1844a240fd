// Preloaded into the CLI by AtomicWrite.test.ts (node --import): the first write to a file opened for writing puts
// half of its bytes on disk, then the process stops itself (SIGSTOP) and says so on stderr, so that the test
// kills it in the middle of writing its output, every time.
import fs from "node:fs"
import { syncBuiltinESMExports } from "node:module"

const writing = new Set()
const forWriting = (flags) =>
  typeof flags === "number" ? (flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR)) !== 0 : /[wa+]/.test(flags)
const open = fs.open
fs.open = (path, ...rest) => {
  const callback = rest.at(-1)
  return open.call(fs, path, ...rest.slice(0, -1), (error, fd) => {
    if (!error && rest.length > 1 && forWriting(rest[0])) writing.add(fd)
    callback(error, fd)
  })
}
const write = fs.write
fs.write = (fd, buffer, ...rest) => {
  if (writing.has(fd) && ArrayBuffer.isView(buffer) && buffer.byteLength > 1) {
    fs.writeSync(fd, buffer, 0, Math.floor(buffer.byteLength / 2))
    process.stderr.write("stopped mid-write\n")
    process.kill(process.pid, "SIGSTOP")
  }
  return write.call(fs, fd, buffer, ...rest)
}
syncBuiltinESMExports()
