import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../functions/wiring/config.js';

const complete = {
  APPROVALS_TABLE: 'approvals',
  REGISTRY_TABLE: 'registry',
  DOCUMENTS_BUCKET: 'documents',
  SIGNING_KEY_ID: 'alias/signing',
  SENDER_ADDRESS: 'certificates@saypro.online',
  VERIFICATION_BASE_URL: 'https://verify.saypro.online',
  API_BASE_URL: 'https://api.saypro.online',
};

describe('the configuration read at cold start', () => {
  it('fills defaults and converts numbers', () => {
    expect(readConfig({ ...complete, DOWNLOAD_LINK_TTL_DAYS: '30' })).toMatchObject({
      AWS_REGION: 'eu-west-1',
      DOWNLOAD_LINK_TTL_DAYS: 30,
    });
    expect(readConfig(complete).DOWNLOAD_LINK_TTL_DAYS).toBe(14);
  });

  it('names every missing or malformed variable, with what it got', () => {
    const error = (() => {
      try {
        readConfig({
          ...complete,
          REGISTRY_TABLE: '',
          SENDER_ADDRESS: 'nope',
          DOWNLOAD_LINK_TTL_DAYS: '500',
        });
      } catch (caught) {
        return caught as Error;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error?.message).toContain('REGISTRY_TABLE is not set');
    expect(error?.message).toContain('SENDER_ADDRESS is not a valid email (got "nope")');
    expect(error?.message).toContain('DOWNLOAD_LINK_TTL_DAYS is not a valid number in range (got "500")');
  });
});
