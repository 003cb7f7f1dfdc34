import { timingSafeEqual } from 'node:crypto';
import type { StaffAuthenticator } from '../../core/ports.js';

/**
 * The local stack's sign-in: staff type the operator key `npm start` keeps in .data/operator-api-key (the
 * one the CLI uses). The key arrives in a POST body and is compared in constant time; it never appears in a
 * URL, a cookie or a page.
 */
export function localOperatorKeyAuthenticator(operatorKey: string): StaffAuthenticator {
  const expected = Buffer.from(operatorKey);
  return {
    kind: 'operator-key',
    checkOperatorKey(key) {
      const given = Buffer.from(key.trim());
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
      return { staffId: 'local-operator', displayName: 'Local operator' };
    },
  };
}
