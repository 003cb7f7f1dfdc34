import type { ParticipantNotice } from '../core/notices.js';
import type { Clock, Notifications, PersonalDataLog } from '../core/ports.js';

/**
 * Keeps a line per notice sent (kind, time, message id; never the text or the address) under the
 * participant, so a data export lists every email the system sent them.
 */
export class LoggedNotifications implements Notifications {
  constructor(
    private readonly inner: Notifications,
    private readonly log: PersonalDataLog,
    private readonly clock: Clock,
  ) {}

  async send(notice: ParticipantNotice) {
    const sent = await this.inner.send(notice);
    // The email is out: failing to note it must not make the caller believe it was not sent (and send
    // it again), so a failure here costs one line of the log, not a duplicate email.
    await this.log
      .recordNoticeSent({
        participantId: notice.participantId,
        notice: notice.kind,
        sentAt: this.clock.now().toISOString(),
        messageId: sent.messageId,
      })
      .catch(() => undefined);
    return sent;
  }
}
