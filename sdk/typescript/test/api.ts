// Starts the real API (the built StudioApi.dll) on a free loopback port with an empty data folder, for one test file,
// and stops it again. Build the API first: `dotnet build src/StudioApi` (STUDIOAPI_CONFIGURATION=Release to test that build).
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
export const adminPassword = "typescript-sdk-test-password";

export interface RunningApi {
  baseUrl: string;
  stop(): Promise<void>;
}

export async function startApi(): Promise<RunningApi> {
  const configuration = process.env.STUDIOAPI_CONFIGURATION ?? "Debug";
  const apiDll = join(repositoryRoot, "src", "StudioApi", "bin", configuration, "net10.0", "StudioApi.dll");
  assert.ok(existsSync(apiDll), `${apiDll} is missing: run \`dotnet build src/StudioApi\` first.`);
  const dataDirectory = await mkdtemp(join(tmpdir(), "studioapi-ts-"));
  const baseUrl = `http://127.0.0.1:${await freePort()}`;
  let output = "";
  const api: ChildProcess = spawn("dotnet", [apiDll], {
    cwd: dataDirectory,
    env: {
      ...process.env,
      ASPNETCORE_URLS: baseUrl,
      ASPNETCORE_ENVIRONMENT: "Development",
      Storage__DataDirectory: dataDirectory,
      Admin__Username: "admin",
      Admin__Password: adminPassword,
      Seed__DemoData: "false",
      Logging__LogLevel__Default: "Warning",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  api.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  api.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (api.exitCode !== null)
      throw new Error(`The API exited with code ${api.exitCode}:\n${output}`);
    if (Date.now() > deadline)
      throw new Error(`The API was not ready within 60 s:\n${output}`);
    try {
      if ((await fetch(`${baseUrl}/health/ready`)).ok)
        break;
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 250));
  }

  return {
    baseUrl,
    async stop() {
      if (api.exitCode === null) {
        const exited = new Promise((done) => api.once("exit", done));
        api.kill("SIGTERM");
        await exited;
      }
      await rm(dataDirectory, { recursive: true, force: true });
    },
  };
}

/** A port nothing listens on right now: the OS picks one, we release it for the API. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}
