import type { ReportLedger } from '../core/ports.js';
import type { ReportEvent } from '../core/reports.js';
import { logger } from '../wiring/logger.js';

/**
 * Logs a count that could not be recorded, then lets the error through: the use cases decide to go on
 * (countForReports), and the log says which event's count was lost, for an operator to judge.
 */
export class LoggedReportLedger implements ReportLedger {
  constructor(private readonly inner: ReportLedger) {}

  async record(event: ReportEvent) {
    try {
      return await this.inner.record(event);
    } catch (error) {
      logger.warn('report count not recorded', { event: event.type, error: error as Error });
      throw error;
    }
  }

  readPeriod(periodId: string) {
    return this.inner.readPeriod(periodId);
  }
}
