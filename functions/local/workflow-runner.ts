import './polyfills.js';
import { StateMachine } from 'aws-local-stepfunctions';
import type { WorkflowStarter } from '../core/ports.js';
import { type LambdaHandler, localLambdaContext } from './lambda-context.js';

export interface ExecutionOutcome {
  approvalId: string;
  status: 'SUCCEEDED' | 'FAILED';
  output?: Record<string, unknown>;
  error?: string;
}

export interface LocalWorkflowOptions {
  /** The state machine definition exactly as CDK synthesized it (see workflow-definition.ts). */
  definition: Record<string, unknown>;
  /** Task state name → handler name, from the same synthesized template. */
  taskHandlers: Record<string, string>;
  handlers: Record<string, LambdaHandler>;
  /** Retry waits are shortened locally so a retried task does not stall the tests. */
  retryIntervalMs?: number;
  onExecutionEnd?: (outcome: ExecutionOutcome) => void;
}

/**
 * Runs the issuance workflow in-process with aws-local-stepfunctions: the synthesized definition with
 * its Retry and Catch rules, each Task bound to the same Lambda handler AWS runs. Like a Standard
 * workflow, it refuses a second execution with the same name (the approval id).
 */
export class LocalIssuanceWorkflow implements WorkflowStarter {
  private readonly machine: StateMachine;
  private readonly executionNames = new Set<string>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly overrides;

  constructor(private readonly options: LocalWorkflowOptions) {
    // biome-ignore lint/suspicious/noExplicitAny: the executor types its definition loosely.
    this.machine = new StateMachine(options.definition as any, { validationOptions: { checkPaths: false } });
    const taskResourceLocalHandlers = Object.fromEntries(
      Object.entries(options.taskHandlers).map(([stateName, handlerName]) => {
        const handler = options.handlers[handlerName];
        if (!handler) throw new Error(`No local handler named "${handlerName}" for state ${stateName}`);
        return [stateName, (input: unknown) => handler(input, localLambdaContext(handlerName))];
      }),
    );
    const retryIntervalOverrides = Object.fromEntries(
      Object.keys(options.taskHandlers).map((stateName) => [stateName, options.retryIntervalMs ?? 50]),
    );
    this.overrides = { taskResourceLocalHandlers, retryIntervalOverrides };
  }

  async startIssuance(approvalId: string, executionName: string = approvalId) {
    return this.startExecution(executionName, approvalId);
  }

  /** Starts an execution under a given name; a name already used is refused, as Step Functions does. */
  async startExecution(name: string, approvalId: string) {
    if (this.executionNames.has(name)) return { started: false };
    this.executionNames.add(name);
    const execution = this.machine.run({ approvalId }, { overrides: this.overrides });
    const tracked: Promise<void> = execution.result
      .then(
        (output) => ({ approvalId, status: 'SUCCEEDED' as const, output: output as Record<string, unknown> }),
        (error: Error) => ({
          approvalId,
          status: 'FAILED' as const,
          error: `${error.name}: ${error.message}`,
        }),
      )
      .then((outcome) => this.options.onExecutionEnd?.(outcome))
      .finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
    return { started: true };
  }

  /** Resolves when every execution started so far has ended. */
  async drain() {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }
}
