// os.exit ends the run by throwing this through the interpreter (it is not a Lua error, so
// pcall does not catch it); the CLI turns it into the exit status, and in-process runs (tests,
// embedding) into a returned status, so os.exit never kills a host process.
export class LuaExit {
  constructor(readonly status: number, readonly closeState: boolean) {}
}
