/**
 * Status list benchmark: what a certificate's random index costs against DynamoDB Local (claim
 * put-if-absent, pointer read, list read), sequentially and with concurrent issuers; and the size of the
 * encoded list as bits get set. Prints the load average: on a busy machine, compare runs with care.
 * Usage: npx tsx bench/status-list.ts [allocations] [concurrency]
 */
import { randomBytes, randomInt } from 'node:crypto';
import { createAwsClients } from '../functions/adapters/aws/clients.js';
import { DynamoDbStatusListStore } from '../functions/adapters/aws/dynamodb-status-lists.js';
import { bitstringWith, encodeBitstring, STATUS_LIST_LENGTH } from '../functions/core/status-list.js';
import { allocateStatusListPosition, type StatusListDeps } from '../functions/core/use-cases/status-lists.js';
import { ensureTables } from '../functions/local/local-stack.js';
import { startDynamoDbLocal } from '../functions/local/services.js';
import { loadAverages } from './support.js';

const COUNT = Number(process.argv[2] ?? 500);
const CONCURRENCY = Number(process.argv[3] ?? 10);

console.log(`load average ${loadAverages()}`);
for (const setBits of [0, 100, 1_000, 10_000]) {
  const indices = new Set<number>();
  while (indices.size < setBits) indices.add(randomInt(STATUS_LIST_LENGTH));
  console.log(
    `encodedList with ${setBits} of ${STATUS_LIST_LENGTH} bits set: ${encodeBitstring(bitstringWith(indices)).length} characters`,
  );
}

const dynamodb = await startDynamoDbLocal({});
try {
  const clients = createAwsClients({ region: 'eu-west-1', dynamodbEndpoint: dynamodb.endpoint });
  await ensureTables(clients.dynamodb, { approvals: 'approvals', registry: 'registry' });
  const statusLists = new DynamoDbStatusListStore(clients.documentClient, 'registry');
  // A signed copy exists already, so this measures the allocation path, not KMS.
  await statusLists.putSigned('1', {
    jwt: 'bench.bench.bench',
    revision: 0,
    signedAt: new Date().toISOString(),
  });
  const deps = {
    statusLists,
    random: { bytes: (length: number) => new Uint8Array(randomBytes(length)) },
  } as unknown as StatusListDeps;
  for (let i = 0; i < 20; i += 1) await allocateStatusListPosition(deps, `WARM${i}`);

  for (const workers of [1, CONCURRENCY]) {
    const count = workers === 1 ? Math.min(COUNT, 100) : COUNT;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: workers }, async (_, worker) => {
        for (let i = 0; i < count / workers; i += 1)
          await allocateStatusListPosition(deps, `B${workers}-${worker}-${i}`);
      }),
    );
    const ms = performance.now() - started;
    console.log(
      `${count} allocations, ${workers} at a time: ${ms.toFixed(0)} ms, ${((ms / count) * workers).toFixed(1)} ms each, ${((count / ms) * 1000).toFixed(0)} per second`,
    );
  }
} finally {
  await dynamodb.stop();
}
console.log(`load average ${loadAverages()}`);
