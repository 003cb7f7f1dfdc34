import { describe, expect, it } from 'vitest';
import type { ParticipantNotice } from '../../functions/core/notices.js';
import { escapeHtml } from '../../templates/email/html.js';
import { type RenderedEmail, renderNotice } from '../../templates/email/index.js';
import { renderIssuedEmail } from '../../templates/email/issued.js';
import { renderNotEligibleEmail } from '../../templates/email/not-eligible.js';
import { linkedInAddUrl } from '../../templates/linkedin.js';

const context = {
  participantId: 'zoe',
  to: 'zoe@example.org',
  participantPageUrl: 'https://verify.saypro.online/me/tok',
  helpUrl: 'https://verify.saypro.online/help',
  faqUrl: 'https://verify.saypro.online/help/faq',
  privacyUrl: 'https://verify.saypro.online/privacy',
  supportAddress: 'certificates@saypro.online',
  tags: {},
};

const issued = {
  ...context,
  kind: 'certificate-issued' as const,
  recipientName: 'Zoë Ñúñez-Ångström',
  courseTitle: 'Project Management Fundamentals',
  certificateNumber: '7KQ2-M9XD-4T1H-ZC8B-R2PN-6WQE',
  downloadUrl: 'https://api.saypro.online/certificates/7KQ2M9XD4T1HZC8BR2PN6WQE/download?token=abc&x=1',
  verificationUrl: 'https://verify.saypro.online/verify/7KQ2M9XD4T1HZC8BR2PN6WQE',
  downloadLinkExpiresAt: '2025-03-26T09:30:00Z',
  issuedAt: '2025-03-12T09:30:00Z',
  linkedInShareUrl: 'https://api.saypro.online/certificates/7KQ2-M9XD-4T1H-ZC8B-R2PN-6WQE/linkedin',
};

describe('renderIssuedEmail', () => {
  it('tells the participant how to download, how others verify and what to do about a wrong detail', () => {
    const mail = renderIssuedEmail(issued);
    expect(mail.subject).toBe('Your SayPro certificate: Project Management Fundamentals');
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain('Zoë Ñúñez-Ångström');
      expect(part).toContain('7KQ2-M9XD-4T1H-ZC8B-R2PN-6WQE');
      expect(part).toContain('https://verify.saypro.online/verify/7KQ2M9XD4T1HZC8BR2PN6WQE');
      expect(part).toContain('26 March 2025');
      expect(part).toContain('certificates@saypro.online');
      expect(part).toMatch(/wrong/);
    }
    expect(mail.text).toContain(issued.downloadUrl);
    expect(mail.html).toContain(`href="${escapeHtml(issued.downloadUrl)}"`);
    expect(mail.html).toContain('href="mailto:certificates@saypro.online"');
    // Every email leads to the participant's own page and the help pages.
    for (const link of [context.participantPageUrl, context.helpUrl, context.faqUrl]) {
      expect(mail.text).toContain(link);
      expect(mail.html).toContain(`href="${link}"`);
    }
    expect(mail.text).not.toContain('Valid until');
    expect(renderIssuedEmail({ ...issued, expiresAt: '2027-03-12T00:00:00Z' }).text).toContain(
      'Valid until: 12 March 2027',
    );
  });

  it('escapes every input in the HTML and keeps the subject on one line', () => {
    const mail = renderIssuedEmail({
      ...issued,
      recipientName: '<script>alert("x")</script> O\'Brien & Co',
      courseTitle: 'Safety <b>101</b>\r\nBcc: victim@example.com',
    });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<b>101</b>');
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; O&#39;Brien &amp; Co');
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.text).toContain('<script>alert("x")</script>');
  });

  it('never puts a non-http link into an href', () => {
    const mail = renderIssuedEmail({ ...issued, downloadUrl: 'javascript:alert(1)' });
    expect(mail.html).not.toContain('href="javascript:');
  });

  it('uses inline styles and tables only, so mail clients that drop <style> still render it', () => {
    const { html } = renderIssuedEmail(issued);
    expect(html).not.toMatch(/<style|<link/i);
    expect(html).toContain('role="presentation"');
  });
});

describe('renderNotEligibleEmail', () => {
  it('lists what is still missing, escaped', () => {
    const mail = renderNotEligibleEmail({
      ...context,
      kind: 'not-eligible',
      recipientName: 'Thabo Mokoena',
      courseTitle: 'Project Management Fundamentals',
      missing: [
        'Complete the module "Risk & Reporting".',
        'Pass the final quiz (70% needed, best score 55%).',
      ],
    });
    expect(mail.subject).toContain('Project Management Fundamentals');
    expect(mail.text).toContain('  - Complete the module "Risk & Reporting".');
    expect(mail.text).toContain('  - Pass the final quiz (70% needed, best score 55%).');
    expect(mail.html).toContain('<li style="');
    expect(mail.html).toContain('Complete the module &quot;Risk &amp; Reporting&quot;.');
    expect(mail.html.match(/<li /g)).toHaveLength(2);
    expect(mail.text).toContain('Thabo Mokoena');
  });
});

describe('the issued email and LinkedIn', () => {
  it('links our share redirect, which sends on to LinkedIn’s add-to-profile form with the facts, URL-encoded', () => {
    const mail = renderIssuedEmail({
      ...issued,
      courseTitle: 'Safety & Health',
      expiresAt: '2027-03-12T00:00:00Z',
    });
    expect(/Add it to your LinkedIn profile: (\S+)/.exec(mail.text)![1]).toBe(issued.linkedInShareUrl);
    expect(mail.html).toContain(`href="${escapeHtml(issued.linkedInShareUrl)}"`);
    const url = new URL(
      linkedInAddUrl(
        {
          courseTitle: 'Safety & Health',
          number: issued.certificateNumber,
          issuedAt: issued.issuedAt,
          expiresAt: '2027-03-12T00:00:00Z',
          certUrl: issued.verificationUrl,
        },
        '1234567',
      ),
    );
    expect(url.origin + url.pathname).toBe('https://www.linkedin.com/profile/add');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      startTask: 'CERTIFICATION_NAME',
      name: 'Safety & Health',
      organizationId: '1234567',
      issueYear: '2025',
      issueMonth: '3',
      expirationYear: '2027',
      expirationMonth: '3',
      certUrl: issued.verificationUrl,
      certId: issued.certificateNumber,
    });
  });
});

describe('the emails after issue and before it', () => {
  const base = { ...context, recipientName: 'Zoë <b>N</b>' };
  const kinds = [
    renderNotice({
      ...base,
      kind: 'enrolled',
      courseTitle: 'First Aid',
      courseDescription: 'Basics & more',
      requirements: ['Module “CPR”', 'Peer review'],
      issueDeadlineDays: 14,
      validityDays: 730,
    }),
    renderNotice({
      ...base,
      ...issued,
      recipientName: base.recipientName,
      kind: 'certificate-corrected',
      replacesNumber: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF',
      reason: 'Name misspelt',
    }),
    renderNotice({
      ...base,
      kind: 'certificate-revoked',
      courseTitle: 'First Aid',
      certificateNumber: issued.certificateNumber,
      reason: 'Issued in error',
      revokedAt: '2026-12-01T10:00:00Z',
      verificationUrl: issued.verificationUrl,
    }),
    renderNotice({
      ...base,
      kind: 'expiry-reminder',
      stage: 'soon',
      courseTitle: 'First Aid',
      certificateNumber: issued.certificateNumber,
      expiresAt: '2027-01-31T00:00:00Z',
      renewalUrl: 'https://verify.saypro.online/help#renewal',
    }),
  ];

  it('say the same in text and HTML, escape every input, and end with the participant’s links', () => {
    for (const mail of kinds) {
      expect(mail.html).not.toContain('<b>N</b>');
      expect(mail.html).toContain('Zoë &lt;b&gt;N&lt;/b&gt;');
      expect(mail.subject).not.toMatch(/[\r\n]/);
      for (const link of [context.participantPageUrl, context.helpUrl, context.faqUrl]) {
        expect(mail.text).toContain(link);
        expect(mail.html).toContain(`href="${link}"`);
      }
    }
    const [enrolled, corrected, revoked, reminder] = kinds as [
      RenderedEmail,
      RenderedEmail,
      RenderedEmail,
      RenderedEmail,
    ];
    expect(enrolled.text).toContain('  - Module “CPR”');
    expect(enrolled.text).toContain('valid for 730 days');
    expect(corrected.text).toContain('replaces number AAAA-BBBB-CCCC-DDDD-EEEE-FFFF');
    expect(revoked.subject).toBe(`Your SayPro certificate ${issued.certificateNumber} has been revoked`);
    expect(revoked.text).toContain('Reason: Issued in error');
    expect(reminder.subject).toBe('Your SayPro certificate for First Aid expires on 31 January 2027');
    expect(reminder.html).toContain('href="https://verify.saypro.online/help#renewal"');
  });
});

describe('the privacy policy link', () => {
  // Typed by kind: a new kind of notice fails to compile here until it has a sample.
  const samples: { [Kind in ParticipantNotice['kind']]: Extract<ParticipantNotice, { kind: Kind }> } = {
    enrolled: {
      ...context,
      recipientName: 'Zoë',
      kind: 'enrolled',
      courseTitle: 'First Aid',
      courseDescription: 'Basics',
      requirements: ['Module “CPR”'],
      issueDeadlineDays: 14,
    },
    'not-eligible': {
      ...context,
      recipientName: 'Zoë',
      kind: 'not-eligible',
      courseTitle: 'First Aid',
      missing: ['Quiz'],
    },
    'consent-request': {
      ...context,
      recipientName: 'Zoë',
      kind: 'consent-request',
      courseTitle: 'First Aid',
      consentTitle: 'My name on my certificate',
      consentText: 'SayPro may print my <name>.',
    },
    'certificate-issued': issued,
    'certificate-corrected': {
      ...issued,
      kind: 'certificate-corrected',
      replacesNumber: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF',
      reason: 'Name misspelt',
    },
    'certificate-revoked': {
      ...context,
      recipientName: 'Zoë',
      kind: 'certificate-revoked',
      courseTitle: 'First Aid',
      certificateNumber: issued.certificateNumber,
      reason: 'Issued in error',
      revokedAt: '2026-12-01T10:00:00Z',
      verificationUrl: issued.verificationUrl,
    },
    'expiry-reminder': {
      ...context,
      recipientName: 'Zoë',
      kind: 'expiry-reminder',
      stage: 'today',
      courseTitle: 'First Aid',
      certificateNumber: issued.certificateNumber,
      expiresAt: '2027-01-31T00:00:00Z',
      renewalUrl: 'https://verify.saypro.online/help#renewal',
    },
    'page-link': { ...context, recipientName: 'Zoë', kind: 'page-link' },
    'survey-reminder': {
      ...context,
      recipientName: 'Zoë',
      kind: 'survey-reminder',
      courseTitle: 'First Aid',
      certificateNumber: issued.certificateNumber,
      surveyUrl: 'https://verify.saypro.online/feedback/abc',
    },
  };

  it.each(Object.values(samples))('ends every $kind email, in text and HTML, with it', (notice) => {
    const mail = renderNotice(notice);
    expect(mail.text).toContain(`How we handle your personal data: ${context.privacyUrl}`);
    expect(mail.html).toContain(`href="${context.privacyUrl}"`);
    // In the shared closing, before the sign-off, like the page and help links.
    const closing = mail.text.slice(mail.text.indexOf(context.participantPageUrl));
    expect(closing.indexOf(context.privacyUrl)).toBeLessThan(closing.indexOf('Kind regards,'));
  });
});
