import '../../functions/local/polyfills.js';
import { StateMachine } from 'aws-local-stepfunctions';
import { beforeAll, describe, expect, it } from 'vitest';
import { TransientError } from '../../functions/core/errors.js';
import {
  type IssuanceWorkflowDefinition,
  loadIssuanceWorkflowDefinition,
} from '../../functions/local/workflow-definition.js';
import { synthApp } from './synth-app.js';

let loaded: IssuanceWorkflowDefinition;
let loadMs: number;

beforeAll(async () => {
  const started = performance.now();
  loaded = await loadIssuanceWorkflowDefinition();
  loadMs = performance.now() - started;
});

/** The issuance DefinitionString of a separately synthesized app, its function ARNs filled in by hand. */
function definitionInTemplate(): Record<string, unknown> {
  const { stateless, statelessTemplate } = synthApp();
  const resources = statelessTemplate.toJSON().Resources as Record<string, any>;
  const logicalId = stateless.getLogicalId(stateless.issuanceWorkflow.stateMachine.node.defaultChild as any);
  const [separator, parts] = resources[logicalId].Properties.DefinitionString['Fn::Join'] as [
    string,
    unknown[],
  ];
  const text = parts
    .map((part: any) => {
      if (typeof part === 'string') return part;
      const fn = resources[part['Fn::GetAtt'][0]];
      expect(fn.Type).toBe('AWS::Lambda::Function');
      return `arn:aws:lambda:eu-west-1:000000000000:function:${fn.Metadata['saypro:handler']}`;
    })
    .join(separator);
  return JSON.parse(text);
}

describe('loadIssuanceWorkflowDefinition', () => {
  it('returns the definition in the synthesized template, ARNs resolved, in a few seconds', () => {
    expect(loaded.definition).toEqual(definitionInTemplate());
    expect(JSON.stringify(loaded.definition)).not.toMatch(/Fn::|"Ref"/);
    expect(loadMs).toBeLessThan(15_000);
  });

  it('binds each Task state to the handler its function runs', () => {
    expect(loaded.taskHandlers).toEqual({
      CheckEligibility: 'check-eligibility',
      IssueCertificate: 'issue-certificate',
      DeliverCertificate: 'deliver-certificate',
      NotifyNotEligible: 'notify-not-eligible',
      RequestConsent: 'request-consent',
      RecordFailure: 'record-failure',
    });
    const states = loaded.definition.States as Record<string, Record<string, unknown>>;
    expect(Object.keys(states).sort()).toEqual(
      [
        'CheckEligibility',
        'DeliverCertificate',
        'IsEligible',
        'IssuanceFailed',
        'IssueCertificate',
        'Issued',
        'NotEligible',
        'NotifyNotEligible',
        'RecordFailure',
        'RequestConsent',
        'AwaitingConsent',
      ].sort(),
    );
    expect(loaded.definition.QueryLanguage ?? 'JSONPath').toBe('JSONPath');
  });
});

describe('the loaded definition, run by aws-local-stepfunctions', () => {
  // biome-ignore lint/suspicious/noExplicitAny: each test handler reads the fields its state gets.
  type Handler = (input: any) => Promise<any>;

  function run(handlers: Record<string, Handler>, input: Record<string, string>) {
    const machine = new StateMachine(loaded.definition as any, { validationOptions: { checkPaths: false } });
    const taskResourceLocalHandlers = Object.fromEntries(
      Object.entries(loaded.taskHandlers).map(([state, handlerName]) => [state, handlers[handlerName]!]),
    );
    const retryIntervalOverrides = Object.fromEntries(Object.keys(loaded.taskHandlers).map((s) => [s, 1]));
    return machine.run(input, { overrides: { taskResourceLocalHandlers, retryIntervalOverrides } }).result;
  }

  const calls: string[] = [];
  const handlers = (overrides: Partial<Record<string, Handler>> = {}): Record<string, Handler> => {
    calls.length = 0;
    const track =
      (name: string, fn: Handler): Handler =>
      async (input) => {
        calls.push(name);
        return fn(input);
      };
    const base: Record<string, Handler> = {
      'check-eligibility': async ({ approvalId }) => ({
        approvalId,
        eligible: true,
        reasons: [],
        consentNeeded: false,
      }),
      'issue-certificate': async ({ approvalId }) => ({ approvalId, certificateNumber: 'C-1' }),
      'deliver-certificate': async (input) => ({ ...input, delivered: true }),
      'notify-not-eligible': async ({ approvalId }) => ({ approvalId, notified: true }),
      'request-consent': async ({ approvalId }) => ({ approvalId, asked: true, resumed: false }),
      'record-failure': async () => ({ recorded: true }),
      ...overrides,
    } as Record<string, Handler>;
    return Object.fromEntries(Object.entries(base).map(([name, fn]) => [name, track(name, fn)]));
  };

  it('issues and delivers an eligible approval', async () => {
    const output = await run(handlers(), { approvalId: 'a-1' });
    expect(output).toEqual({ approvalId: 'a-1', certificateNumber: 'C-1', delivered: true });
    expect(calls).toEqual(['check-eligibility', 'issue-certificate', 'deliver-certificate']);
  });

  it('notifies a participant who is not eligible, and issues nothing', async () => {
    const output = await run(
      handlers({
        'check-eligibility': async ({ approvalId }) => ({ approvalId, eligible: false, reasons: ['quiz'] }),
      }),
      { approvalId: 'a-2' },
    );
    expect(output).toEqual({ approvalId: 'a-2', notified: true });
    expect(calls).toEqual(['check-eligibility', 'notify-not-eligible']);
  });

  it('asks an eligible participant for consent to the name instead of issuing, and issues nothing', async () => {
    const output = await run(
      handlers({
        'check-eligibility': async ({ approvalId }) => ({
          approvalId,
          eligible: true,
          reasons: [],
          consentNeeded: true,
        }),
      }),
      { approvalId: 'a-3' },
    );
    expect(output).toEqual({ approvalId: 'a-3', asked: true, resumed: false });
    expect(calls).toEqual(['check-eligibility', 'request-consent']);
  });

  it('still issues for a decision without the consent field (an execution started before it existed)', async () => {
    const output = await run(
      handlers({
        'check-eligibility': async ({ approvalId }) => ({ approvalId, eligible: true, reasons: [] }),
      }),
      { approvalId: 'a-4' },
    );
    expect(output).toMatchObject({ certificateNumber: 'C-1', delivered: true });
  });

  it('retries a TransientError and goes on', async () => {
    let failures = 2;
    const output = await run(
      handlers({
        'issue-certificate': async ({ approvalId }) => {
          if (failures-- > 0) throw new TransientError('KMS throttled');
          return { approvalId, certificateNumber: 'C-3' };
        },
      }),
      { approvalId: 'a-3' },
    );
    expect(output).toMatchObject({ certificateNumber: 'C-3', delivered: true });
    expect(calls.filter((c) => c === 'issue-certificate')).toHaveLength(3);
  });

  it('retries a step that ran out of time (middy ends it with TimeoutError before Lambda does)', async () => {
    let timeouts = 1;
    const output = await run(
      handlers({
        'deliver-certificate': async ({ approvalId, certificateNumber }) => {
          if (timeouts-- > 0) {
            const error = new Error('[AbortError]: The operation was aborted.');
            error.name = 'TimeoutError';
            throw error;
          }
          return { approvalId, certificateNumber, delivered: true };
        },
      }),
      { approvalId: 'a-timeout' },
    );
    expect(output).toMatchObject({ delivered: true });
    expect(calls.filter((c) => c === 'deliver-certificate')).toHaveLength(2);
  });

  it('records a failure on the approval and fails the execution with the error', async () => {
    let recorded: unknown;
    const failing = handlers({
      'deliver-certificate': async () => {
        const error = new Error('participant has no email');
        error.name = 'ValidationError';
        throw error;
      },
      'record-failure': async (input) => {
        recorded = input;
        return { recorded: true };
      },
    });
    await expect(run(failing, { approvalId: 'a-4' })).rejects.toThrow(
      /ValidationError|participant has no email/,
    );
    expect(calls).toEqual([
      'check-eligibility',
      'issue-certificate',
      'deliver-certificate',
      'record-failure',
    ]);
    expect(recorded).toEqual({
      approvalId: 'a-4',
      error: { Error: 'ValidationError', Cause: expect.stringContaining('participant has no email') },
    });
  });
});
