/**
 * Runs a hand-written Pulumi program that imports the package by name (`import { Domain } from "launch-ready"`), as
 * a user's would, under the offline engine; the program is written by the test into a scratch project.
 */
import type { StackFile } from "../../config/stack-file";
import { type OfflineRun, runOffline } from "../../engine/run";
import { tempDir } from "../helpers/temp-dir";

export const HEADER = `
import * as aws from "@pulumi/aws";
import * as cloudflare from "@pulumi/cloudflare";
import * as pulumi from "@pulumi/pulumi";
import { Domain } from "launch-ready";
`;

export function emptyStack(stack = "dev"): StackFile {
  return { stack, path: `Pulumi.${stack}.yaml`, config: {}, secretPaths: [], secretKeys: [] };
}

export async function runProgram(body: string, preview: boolean, stack: StackFile = emptyStack()): Promise<OfflineRun> {
  const project = tempDir("program");
  try {
    project.write("Pulumi.yaml", "name: users-program\nruntime: nodejs\n");
    project.write("index.ts", `${HEADER}\n${body}\n`);
    return await runOffline({ stack, projectDir: project.dir, preview });
  } finally {
    project.cleanup();
  }
}
