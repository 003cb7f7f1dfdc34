import { renderStaffReportEmail } from '../../templates/email/staff-report.js';
import { renderReportCsv, renderReportPage } from '../../templates/web/report-page.js';
import type { ReportRenderer } from '../core/ports.js';

/** The staff report's words and pictures, from the templates (the core imports none). */
export const templatedReportRenderer: ReportRenderer = {
  html: renderReportPage,
  csv: renderReportCsv,
  email: renderStaffReportEmail,
};
