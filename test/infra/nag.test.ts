import { App, Stack, Validations } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { synthApp } from './synth-app.js';

interface Acknowledgment {
  id: string;
  reason: string;
}

const acknowledgmentsIn = (root: IConstruct): Acknowledgment[] =>
  root.node
    .findAll()
    .flatMap((c) => c.node.metadata)
    .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
    // Recorded as { "<prefix>::<rule id>": reason }.
    .flatMap((m) => Object.entries(m.data as Record<string, string>))
    .map(([key, reason]) => ({ id: key.replace(/^[A-Za-z]+::/, ''), reason }));

describe('cdk-nag AwsSolutions', () => {
  it('finds nothing unacknowledged in either stack, with and without WAF', () => {
    // Synthesis throws ValidationFailed listing every unacknowledged finding.
    expect(() => synthApp({ nag: true })).not.toThrow();
    expect(() => synthApp({ nag: true, context: { enableWaf: true } })).not.toThrow();
  });

  it('gives every acknowledgement a reason a reviewer can check', () => {
    const { app } = synthApp();
    const acknowledgments = acknowledgmentsIn(app);
    expect(acknowledgments.length).toBeGreaterThan(10);
    for (const { id, reason } of acknowledgments) {
      expect(id).toMatch(/^(AwsSolutions-|annotation::)/);
      expect(reason.length, id).toBeGreaterThan(40);
    }
    // No blanket acknowledgement of wildcards: each IAM5 one names its finding.
    expect(acknowledgments.filter((a) => a.id === 'AwsSolutions-IAM5')).toEqual([]);
  });

  it('is really checking: an unlogged, unencrypted-in-transit bucket fails the synth', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    new s3.Bucket(new Stack(app, 'Careless'), 'Bucket');
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    expect(() => app.synth()).toThrow(/AwsSolutions-S1|server access logs/);
  });
});
