import type { ParticipantNotice } from '../../functions/core/notices.js';
import { renderSurveyReminderEmail } from './feedback.js';
import { type IssuedEmailOptions, type RenderedEmail, renderIssuedEmail } from './issued.js';
import {
  renderConsentRequestEmail,
  renderCorrectedEmail,
  renderEnrolledEmail,
  renderExpiryReminderEmail,
  renderRevokedEmail,
} from './lifecycle.js';
import { renderNotEligibleEmail } from './not-eligible.js';
import { renderPageLinkEmail } from './page-link.js';

export type { RenderedEmail };
export type RenderOptions = IssuedEmailOptions;

/** The one entry the Notifications adapter calls: every kind of notice, worded. */
export function renderNotice(notice: ParticipantNotice, options: RenderOptions = {}): RenderedEmail {
  switch (notice.kind) {
    case 'enrolled':
      return renderEnrolledEmail(notice);
    case 'not-eligible':
      return renderNotEligibleEmail(notice);
    case 'consent-request':
      return renderConsentRequestEmail(notice);
    case 'certificate-issued':
      return renderIssuedEmail(notice, options);
    case 'certificate-corrected':
      return renderCorrectedEmail(notice);
    case 'certificate-revoked':
      return renderRevokedEmail(notice);
    case 'expiry-reminder':
      return renderExpiryReminderEmail(notice);
    case 'page-link':
      return renderPageLinkEmail(notice);
    case 'survey-reminder':
      return renderSurveyReminderEmail(notice);
  }
}
