import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** Local stand-ins accept any key pair; a fixed one keeps the SDK from looking for real credentials. */
const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/** Options for one client: the real service through the default credential chain, or a local endpoint. */
export function clientOptions(region: string, endpoint: string | undefined) {
  // maxAttempts is the SDK's default too; stated so the retry budget is visible next to the workflow's own retries.
  const common = { region, maxAttempts: 3 };
  return endpoint ? { ...common, endpoint, credentials: LOCAL_CREDENTIALS } : common;
}

/**
 * The DynamoDB document client every store uses. Kept apart from clients.ts, which builds every SDK
 * client, so the verification function's bundle carries DynamoDB only.
 */
export function createDocumentClient(region: string, endpoint: string | undefined): DynamoDBDocumentClient {
  return documentClientOver(new DynamoDBClient(clientOptions(region, endpoint)));
}

export function documentClientOver(dynamodb: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(dynamodb, { marshallOptions: { removeUndefinedValues: true } });
}
