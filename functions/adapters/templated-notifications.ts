import { type RenderOptions, renderNotice } from '../../templates/email/index.js';
import type { ParticipantNotice } from '../core/notices.js';
import type { Mailer, Notifications } from '../core/ports.js';

/** Words each notice with the email templates and sends it through whichever Mailer is wired (SES, or a fake). */
export class TemplatedNotifications implements Notifications {
  constructor(
    private readonly mailer: Mailer,
    private readonly options: RenderOptions = {},
  ) {}

  send(notice: ParticipantNotice) {
    return this.mailer.send({ to: notice.to, ...renderNotice(notice, this.options), tags: notice.tags });
  }
}
