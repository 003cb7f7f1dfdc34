import {
  CreateAliasCommand,
  CreateKeyCommand,
  DescribeKeyCommand,
  type KMSClient,
  NotFoundException,
  ScheduleKeyDeletionCommand,
} from '@aws-sdk/client-kms';

/**
 * Returns the ARN of the signing key behind an alias, creating an ECC_NIST_P256 key and the alias when
 * the alias does not exist yet. Run by the local stack on every start: with a data folder the same key
 * comes back after a restart, so certificates signed before stay verifiable.
 */
export async function ensureSigningKey(client: KMSClient, aliasName: string): Promise<string> {
  const alias = aliasName.startsWith('alias/') ? aliasName : `alias/${aliasName}`;
  const existing = await describeAlias(client, alias);
  if (existing) return existing;

  const created = await client.send(
    new CreateKeyCommand({
      KeySpec: 'ECC_NIST_P256',
      KeyUsage: 'SIGN_VERIFY',
      Description: `Certificate signing key (${alias})`,
    }),
  );
  const keyArn = created.KeyMetadata?.Arn;
  if (!keyArn) throw new Error('CreateKey returned no key ARN');
  try {
    await client.send(new CreateAliasCommand({ AliasName: alias, TargetKeyId: keyArn }));
    return keyArn;
  } catch (error) {
    if ((error as Error).name !== 'AlreadyExistsException') throw error;
    // Another process created the alias first: use its key and retire ours.
    await client.send(new ScheduleKeyDeletionCommand({ KeyId: keyArn, PendingWindowInDays: 7 }));
    const winner = await describeAlias(client, alias);
    if (!winner) throw new Error(`Alias ${alias} exists but cannot be described`);
    return winner;
  }
}

async function describeAlias(client: KMSClient, alias: string): Promise<string | undefined> {
  try {
    const { KeyMetadata: key } = await client.send(new DescribeKeyCommand({ KeyId: alias }));
    if (!key?.Arn) throw new Error(`DescribeKey ${alias} returned no key ARN`);
    if (key.KeyState !== 'Enabled') {
      throw new Error(
        `Signing key ${key.Arn} behind ${alias} is ${key.KeyState}: enable it or point the alias at another key`,
      );
    }
    return key.Arn;
  } catch (error) {
    if (error instanceof NotFoundException) return undefined;
    throw error;
  }
}
