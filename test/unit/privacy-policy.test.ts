import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RETENTION } from '../../functions/core/retention.js';
import { PRIVACY_SECTIONS, renderPrivacyPage } from '../../templates/web/privacy-page.js';

const facts = { supportAddress: 'privacy@saypro.test', downloadLinkTtlDays: 14, participantLinkTtlDays: 365 };

describe('the data protection policy', () => {
  it('has the same sections, in the same order, on the page and in docs/privacy.md', () => {
    const doc = readFileSync(new URL('../../docs/privacy.md', import.meta.url), 'utf8');
    const docHeadings = [...doc.matchAll(/^## (.+)$/gm)].map((match) => match[1]);
    expect(docHeadings).toEqual(PRIVACY_SECTIONS.map(([, heading]) => heading));
  });

  it('states the configured link lifetimes and the contact address', () => {
    const page = renderPrivacyPage({ ...facts, downloadLinkTtlDays: 7, participantLinkTtlDays: 90 });
    expect(page).toContain('work for 7 days');
    expect(page).toContain('work for 90 days');
    expect(page).toContain('href="mailto:privacy@saypro.test"');
  });

  it('says which rights are not built rather than promising them, and how the built ones work', () => {
    const page = renderPrivacyPage(facts);
    expect(page).toMatch(/Objection<\/strong>[^<]*: not built/);
    expect(page).not.toMatch(/Erasure[^<]*<\/strong>[^<]*not built/);
    expect(page).toContain('Holder details withdrawn at the holder’s request');
    expect(page).toContain('staff export it for you within days; each export is recorded');
  });

  it('states the retention schedule and the erasure residual from the one schedule in the code', () => {
    const page = renderPrivacyPage(facts);
    expect(page).toContain('<h2 id="erasure">Erasure</h2>');
    expect(page).toContain(`${RETENTION.sentNotices.days} days`);
    expect(page).toContain(`${RETENTION.accessTrail.days} days`);
    expect(page).toContain(`up to ${RETENTION.backups.days} days`);
    const doc = readFileSync(new URL('../../docs/privacy.md', import.meta.url), 'utf8');
    expect(doc).toContain(`| ${RETENTION.claims.days} days |`);
    expect(doc).toContain(`| ${RETENTION.sentNotices.days} days |`);
  });
});
