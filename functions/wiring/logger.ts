import { Logger } from '@aws-lambda-powertools/logger';

/** One structured logger for every function; Lambda adds request ids, the local stack the same JSON lines. */
export const logger = new Logger({ serviceName: 'saypro-certificates' });
