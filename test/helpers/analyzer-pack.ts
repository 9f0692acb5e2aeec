/**
 * Starts a Node policy pack the way the Pulumi CLI does and talks to it over the `pulumirpc.Analyzer` gRPC service.
 *
 * The CLI (`pulumi-language-nodejs` RunPlugin for kind=analyzer, and the older `pulumi-analyzer-policy` shim alike)
 * runs `node <@pulumi/pulumi/cmd/run-policy-pack> <engine address> <pack dir>` with the pack directory as working
 * directory, `PULUMI_NODEJS_TYPESCRIPT=true` for `runtime.options.typescript`, and the stack in
 * `PULUMI_NODEJS_PROJECT`/`_STACK`/`_DRY_RUN`/`PULUMI_CONFIG`. run-policy-pack registers ts-node (type-checking on)
 * and requires the pack; `new PolicyPack` serves on 127.0.0.1 and prints the port as the first stdout line. The
 * launcher drops the engine address and `@pulumi/policy` never dials it. Then the CLI calls ConfigureStack,
 * GetAnalyzerInfo, Configure (every policy at its reconciled level) and, after the plan, AnalyzeStack.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { credentials, type ServiceError } from "@grpc/grpc-js";
import { AnalyzerClient } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import {
  type AnalyzeResponse,
  type AnalyzeStackRequest,
  type AnalyzerInfo,
  AnalyzerStackConfigureRequest,
  ConfigureAnalyzerRequest,
  PolicyConfig,
} from "@pulumi/pulumi/proto/analyzer_pb";
import type { PluginInfo } from "@pulumi/pulumi/proto/plugin_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";

export interface PackProcess {
  readonly pid: number;
  readonly port: number;
  configureStack(req: { project: string; stack: string; dryRun: boolean }): Promise<void>;
  getAnalyzerInfo(): Promise<AnalyzerInfo>;
  getPluginInfo(): Promise<PluginInfo>;
  /** Configure as the CLI does with no policy config file: every policy at the level its info declares. */
  configureDefaults(info: AnalyzerInfo): Promise<void>;
  analyzeStack(req: AnalyzeStackRequest): Promise<AnalyzeResponse>;
  /** What the pack wrote to stderr (and to stdout after the port line), for failure messages. */
  output(): string;
  /** Closes the channel and ends the process as the CLI's plugin Close does; resolves with how it exited. */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function unary<Req, Res>(call: (req: Req, cb: (err: ServiceError | null, res: Res) => void) => unknown, req: Req): Promise<Res> {
  return new Promise((resolve, reject) => {
    call(req, (err, res) => (err ? reject(err) : resolve(res)));
  });
}

/** The child's environment: the caller's, minus the test runner's own variables. */
function packEnv(project: string, stack: string, extra: Readonly<Record<string, string>> = {}, typescript = true): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith("VITEST") && k !== "NODE_OPTIONS") env[k] = v;
  return {
    ...env,
    PULUMI_NODEJS_TYPESCRIPT: typescript ? "true" : "false",
    PULUMI_NODEJS_PROJECT: project,
    PULUMI_NODEJS_STACK: stack,
    PULUMI_NODEJS_DRY_RUN: "true",
    PULUMI_CONFIG: "{}",
    ...extra,
  };
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
}

export async function startPack(
  packDir: string,
  opts: { project: string; stack: string; startTimeoutMs?: number; env?: Readonly<Record<string, string>>; /** `runtime.options.typescript` of the pack's PulumiPolicy.yaml; default true. */ typescript?: boolean },
): Promise<PackProcess> {
  // The CLI resolves the launcher from the pack directory (its node_modules, here the project's).
  const runPolicyPack = createRequire(join(packDir, "package.json")).resolve("@pulumi/pulumi/cmd/run-policy-pack");
  // Nothing listens here: the launcher shifts the engine address off its arguments and the pack never dials it.
  const engineAddress = "127.0.0.1:1";
  const child = spawn(process.execPath, [runPolicyPack, engineAddress, packDir], {
    cwd: packDir,
    env: packEnv(opts.project, opts.stack, opts.env, opts.typescript ?? true),
    stdio: ["ignore", "pipe", "pipe"],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start node for the policy pack in ${packDir}`);
  const { stdout, stderr } = child;
  if (stdout === null || stderr === null) throw new Error("the policy pack's stdout/stderr are not piped");
  let output = "";
  stderr.on("data", (b: Buffer) => (output += b.toString()));
  const lines = createInterface({ input: stdout });
  const firstLine = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the policy pack wrote no port within ${opts.startTimeoutMs ?? 240_000} ms:\n${output}`)), opts.startTimeoutMs ?? 240_000);
    lines.once("line", (line) => {
      clearTimeout(timer);
      // The CLI traces the rest of stdout; keep it for failure messages.
      lines.on("line", (l) => (output += `${l}\n`));
      resolve(line);
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the policy pack exited (code ${code}, signal ${signal}) before writing its port:\n${output}`));
    });
  });
  let portLine: string;
  try {
    portLine = await firstLine;
  } catch (err) {
    child.kill("SIGKILL");
    await exited(child);
    throw err;
  }
  // Like the CLI's parsePort: the first stdout line, trimmed, must be the port and nothing else.
  if (!/^\d+$/.test(portLine.trim())) {
    child.kill("SIGKILL");
    await exited(child);
    throw new Error(`the policy pack's first stdout line is not a port: ${JSON.stringify(portLine)}\n${output}`);
  }
  const port = Number(portLine.trim());
  const client = new AnalyzerClient(`127.0.0.1:${port}`, credentials.createInsecure(), { "grpc.max_receive_message_length": 400 * 1024 * 1024 });

  return {
    pid,
    port,
    configureStack: async ({ project, stack, dryRun }) => {
      const req = new AnalyzerStackConfigureRequest().setProject(project).setStack(stack).setDryRun(dryRun);
      await unary(client.configureStack.bind(client), req);
    },
    getAnalyzerInfo: () => unary(client.getAnalyzerInfo.bind(client), new Empty()),
    getPluginInfo: () => unary(client.getPluginInfo.bind(client), new Empty()),
    configureDefaults: async (info) => {
      const req = new ConfigureAnalyzerRequest();
      const map = req.getPolicyconfigMap();
      for (const p of info.getPoliciesList()) {
        map.set(p.getName(), new PolicyConfig().setEnforcementlevel(p.getEnforcementlevel()).setProperties(new Struct()));
      }
      await unary(client.configure.bind(client), req);
    },
    analyzeStack: (req) => unary(client.analyzeStack.bind(client), req),
    output: () => output,
    stop: async () => {
      client.close();
      lines.close();
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      return exited(child);
    },
  };
}

/** True while a process with this id exists. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
