import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { KMSClient } from '@aws-sdk/client-kms';
import type { S3Client } from '@aws-sdk/client-s3';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  clientOptions,
  documentClientOver,
  dynamoDbClientOptions,
  reportingPassingFaults,
} from './client-options.js';
import { createS3Client } from './s3-document-store.js';

export interface AwsClientsConfig {
  region: string;
  dynamodbEndpoint?: string;
  s3Endpoint?: string;
  kmsEndpoint?: string;
  sesEndpoint?: string;
}

export interface AwsClients {
  dynamodb: DynamoDBClient;
  documentClient: DynamoDBDocumentClient;
  dynamodbStreams: DynamoDBStreamsClient;
  s3: S3Client;
  kms: KMSClient;
  ses: SESv2Client;
}

/**
 * Builds every SDK client the adapters use, from one config. In AWS no endpoint is set; on the
 * local stack each endpoint points at its stand-in (DynamoDB Local serves the Streams API on the
 * same endpoint as DynamoDB).
 */
export function createAwsClients(config: AwsClientsConfig): AwsClients {
  // Every client reports a fault that outlasted its retries as a TransientError (client-options.ts).
  const dynamodb = reportingPassingFaults(
    new DynamoDBClient(dynamoDbClientOptions(config.region, config.dynamodbEndpoint)),
    'DynamoDB',
  );
  return {
    dynamodb,
    documentClient: documentClientOver(dynamodb),
    dynamodbStreams: new DynamoDBStreamsClient(dynamoDbClientOptions(config.region, config.dynamodbEndpoint)),
    s3: reportingPassingFaults(createS3Client({ region: config.region, endpoint: config.s3Endpoint }), 'S3'),
    kms: reportingPassingFaults(new KMSClient(clientOptions(config.region, config.kmsEndpoint)), 'KMS'),
    ses: reportingPassingFaults(new SESv2Client(clientOptions(config.region, config.sesEndpoint)), 'SES'),
  };
}
