import type { ParticipantNotice } from '../../functions/core/notices.js';
import { type RenderedEmail, renderIssuedEmail } from './issued.js';
import { renderNotEligibleEmail } from './not-eligible.js';
import { renderPageLinkEmail } from './page-link.js';

export type { RenderedEmail };

/** The one entry the Notifications adapter calls: every kind of notice, worded. */
export function renderNotice(notice: ParticipantNotice): RenderedEmail {
  switch (notice.kind) {
    case 'certificate-issued':
      return renderIssuedEmail(notice);
    case 'not-eligible':
      return renderNotEligibleEmail(notice);
    case 'page-link':
      return renderPageLinkEmail(notice);
  }
}
