import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateTableCommand, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  ListStreamsCommand,
} from '@aws-sdk/client-dynamodb-streams';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AwsClients, createAwsClients } from '../../functions/adapters/aws/clients.js';
import { type LocalService, startDynamoDbLocal } from '../../functions/local/services.js';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

function portIsOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function createTable(clients: AwsClients, tableName: string, withStream: boolean) {
  return clients.dynamodb.send(
    new CreateTableCommand({
      TableName: tableName,
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
      ...(withStream
        ? { StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' } }
        : {}),
    }),
  );
}

/** Java processes running DynamoDB Local on this port (not its watchdog shell), by command line (Linux /proc). */
async function dynamoDbLocalProcessesOnPort(port: number): Promise<string[]> {
  const found: string[] = [];
  for (const pid of (await readdir('/proc')).filter((name) => /^\d+$/.test(name))) {
    const commandLine = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    const args = commandLine.split('\0');
    if (
      /(^|\/)java$/.test(args[0] ?? '') &&
      args.some((arg) => arg.endsWith('DynamoDBLocal.jar')) &&
      args[args.indexOf('-port') + 1] === String(port)
    ) {
      found.push(pid);
    }
  }
  return found;
}

describe('DynamoDB Local in memory', () => {
  let dynamo: LocalService;
  let clients: AwsClients;

  beforeAll(async () => {
    dynamo = await startDynamoDbLocal({});
    clients = createAwsClients({ region: 'eu-west-1', dynamodbEndpoint: dynamo.endpoint });
  });

  afterAll(async () => {
    clients?.dynamodb.destroy();
    clients?.dynamodbStreams.destroy();
    await dynamo?.stop();
  });

  it('listens on 127.0.0.1 at a port of its own', () => {
    expect(dynamo.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(dynamo.endpoint).not.toBe('http://127.0.0.1:8000');
  });

  it('records an INSERT with the new image in the table stream', async () => {
    await createTable(clients, 'Approvals', true);
    // The undefined attribute also shows the document client drops undefined values instead of failing.
    await clients.documentClient.send(
      new PutCommand({
        TableName: 'Approvals',
        Item: { pk: 'APPROVAL#1', status: 'received', note: undefined },
      }),
    );

    const { Streams } = await clients.dynamodbStreams.send(
      new ListStreamsCommand({ TableName: 'Approvals' }),
    );
    expect(Streams).toHaveLength(1);
    const streamArn = Streams?.[0]?.StreamArn;
    const { StreamDescription } = await clients.dynamodbStreams.send(
      new DescribeStreamCommand({ StreamArn: streamArn }),
    );
    expect(StreamDescription?.StreamViewType).toBe('NEW_AND_OLD_IMAGES');
    const shardId = StreamDescription?.Shards?.[0]?.ShardId;
    expect(shardId).toBeDefined();

    const { ShardIterator } = await clients.dynamodbStreams.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: shardId,
        ShardIteratorType: 'TRIM_HORIZON',
      }),
    );
    const { Records } = await clients.dynamodbStreams.send(new GetRecordsCommand({ ShardIterator }));

    expect(Records).toHaveLength(1);
    expect(Records?.[0]?.eventName).toBe('INSERT');
    expect(Records?.[0]?.dynamodb?.Keys).toEqual({ pk: { S: 'APPROVAL#1' } });
    expect(Records?.[0]?.dynamodb?.NewImage).toEqual({ pk: { S: 'APPROVAL#1' }, status: { S: 'received' } });
  });

  it('is gone once stopped: port closed, process ended', async () => {
    const port = Number(new URL(dynamo.endpoint).port);
    expect(await portIsOpen(port)).toBe(true);
    expect(await dynamoDbLocalProcessesOnPort(port)).toHaveLength(1);
    await dynamo.stop();
    expect(await portIsOpen(port)).toBe(false);
    expect(await dynamoDbLocalProcessesOnPort(port)).toEqual([]);
    // A second stop is harmless (afterAll calls it again).
    await dynamo.stop();
  });
});

describe('DynamoDB Local with a data folder', () => {
  let dataDir: string;
  let running: LocalService | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'dynamodb-local-test-'));
  });

  afterAll(async () => {
    await running?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps items across a restart on the same folder', async () => {
    running = await startDynamoDbLocal({ dataDir });
    let clients = createAwsClients({ region: 'eu-west-1', dynamodbEndpoint: running.endpoint });
    await createTable(clients, 'Registry', false);
    await clients.dynamodb.send(
      new PutItemCommand({ TableName: 'Registry', Item: { pk: { S: 'CERT#1' }, holder: { S: 'Zoë' } } }),
    );
    clients.dynamodb.destroy();
    await running.stop();

    running = await startDynamoDbLocal({ dataDir });
    clients = createAwsClients({ region: 'eu-west-1', dynamodbEndpoint: running.endpoint });
    const { Item } = await clients.dynamodb.send(
      new GetItemCommand({ TableName: 'Registry', Key: { pk: { S: 'CERT#1' } } }),
    );
    clients.dynamodb.destroy();
    expect(Item).toEqual({ pk: { S: 'CERT#1' }, holder: { S: 'Zoë' } });
  });
});

describe('DynamoDB Local when its parent dies', () => {
  it('ends with the process that started it, even after kill -9 of that process alone', async () => {
    // A parent of its own that starts DynamoDB Local, prints its port and waits to be killed.
    const script = [
      "import { startDynamoDbLocal } from './functions/local/services.ts';",
      'const service = await startDynamoDbLocal({});',
      'console.log(new URL(service.endpoint).port);',
      'setInterval(() => {}, 1000);',
    ].join('\n');
    const parent = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const port = await new Promise<number>((resolve, reject) => {
      parent.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
      parent.once('exit', (code) => reject(new Error(`parent exited early (${code})`)));
    });
    expect(await portIsOpen(port)).toBe(true);
    process.kill(parent.pid!, 'SIGKILL');
    const deadline = Date.now() + 10_000;
    while ((await portIsOpen(port)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await portIsOpen(port)).toBe(false);
  }, 60_000);
});
