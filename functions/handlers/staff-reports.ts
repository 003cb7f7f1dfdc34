import { templatedReportRenderer } from '../adapters/templated-report-renderer.js';
import type { Deps } from '../core/ports.js';
import { publishDueReports } from '../core/use-cases/staff-reports.js';
import { lambdaDeps } from '../wiring/deps.js';
import { SCHEDULED_JOB_METRICS } from '../wiring/metric-names.js';
import { scheduledJob } from './shared/scheduled-job.js';

const names = SCHEDULED_JOB_METRICS.staffReports;

/** Monthly (1st, 06:00 UTC): last month's report, and last quarter's when a quarter starts, emailed once. */
export const createStaffReportsHandler = (deps: () => Deps) =>
  scheduledJob(
    names.service,
    () => publishDueReports({ ...deps(), reportRenderer: templatedReportRenderer }),
    (run) => ({
      [names.published]: run.published.length,
      [names.emailed]: run.published.filter((report) => report.emailed).length,
    }),
  );

export const handler = createStaffReportsHandler(lambdaDeps);
