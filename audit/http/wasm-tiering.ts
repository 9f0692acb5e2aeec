/**
 * Keeps undici's HTTP parser on V8's baseline WebAssembly tier in the auditor's process.
 *
 * undici parses HTTP/1.1 with llhttp compiled to WebAssembly; its main parse function is one 33 KB wasm function.
 * Under V8's default tiering budget a handful of responses make it "hot", and V8 recompiles it with TurboFan on a
 * background thread: about 190 ms of CPU and 40 MB of memory on this project's machines, far more than the parsing
 * it would speed up. Node waits for that background job before the process may exit (its platform drains pending
 * tasks when the event loop empties), so every one-host audit ended ~100–200 ms after it printed its report.
 *
 * A larger budget (V8's documented `--wasm-tiering-budget`, bytes executed before a function is optimised) leaves the
 * parser on Liftoff unless it is really hot, as in a batch of thousands of responses, where optimising pays.
 * Set at run time before undici compiles llhttp (it does so lazily, on the first connection): V8 reads the budget
 * when a module is compiled. `test/audit/http/wasm-tiering.test.ts` shows both sides with V8's own compile trace:
 * without this, the parser is tiered up after a few requests; with it, it is not.
 */
import { setFlagsFromString } from "node:v8";

/** V8's default is 1 800 000; this is about 30 000 calls of llhttp's parse function instead of about 50. */
export const WASM_TIERING_BUDGET = 1_000_000_000;

setFlagsFromString(`--wasm-tiering-budget=${WASM_TIERING_BUDGET}`);
