import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * The names of the DynamoDB commands sent while `run` runs (e.g. 'GetCommand', 'ScanCommand'), so a test
 * can say that a request path reads by key. Patches every SDK client's send: the document client's
 * commands are the ones the stores send. Restored however `run` ends.
 */
export async function commandsSentDuring(run: () => Promise<unknown>): Promise<string[]> {
  const sent: string[] = [];
  const clientPrototype = Object.getPrototypeOf(DynamoDBDocumentClient.prototype);
  const original = clientPrototype.send as (...args: unknown[]) => unknown;
  clientPrototype.send = function (this: unknown, command: unknown, ...rest: unknown[]) {
    sent.push((command as object).constructor.name);
    return original.call(this, command, ...rest);
  };
  try {
    await run();
  } finally {
    clientPrototype.send = original;
  }
  return sent;
}
