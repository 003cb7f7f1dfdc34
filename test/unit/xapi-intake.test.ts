import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../functions/core/errors.js';
import { percentOf, receiveStatements } from '../../functions/core/use-cases/xapi-intake.js';
import { inMemoryDeps } from '../support/in-memory-deps.js';

describe('xAPI scores', () => {
  it('read scaled as is and raw within min and max, in percent', () => {
    expect(percentOf({ scaled: 0.857 })).toBe(85.7);
    expect(percentOf({ raw: 15, min: 0, max: 20 })).toBe(75);
    expect(percentOf({ raw: 7, min: 5, max: 15 })).toBe(20);
    expect(percentOf({ scaled: -0.5 })).toBe(0);
    expect(percentOf({ raw: 15 })).toBeUndefined();
    expect(percentOf({ raw: 1, min: 3, max: 3 })).toBeUndefined();
  });
});

describe('receiveStatements', () => {
  it('checks every statement before applying any, naming the statement and field', async () => {
    const world = inMemoryDeps();
    const good = {
      actor: { account: { homePage: 'https://lms.test', name: 'p1' } },
      verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
      object: { id: 'https://lms.test/m/1' },
    };
    const error = await receiveStatements(world.deps, [good, { ...good, id: 'not-a-uuid' }]).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues).toContainEqual(expect.objectContaining({ field: 'id', message: 'must be a UUID' }));
    expect(await world.deps.xapiParking.listParked()).toEqual([]);
    await expect(receiveStatements(world.deps, [])).rejects.toThrow(ValidationError);
  });

  it('parks a statement of an unknown learner under a generated id, without the address', async () => {
    const world = inMemoryDeps();
    const { ids, outcomes } = await receiveStatements(world.deps, {
      actor: { mbox: 'mailto:nobody@example.org' },
      verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
      object: { id: 'https://lms.test/m/1' },
    });
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(outcomes[0]).toMatchObject({
      outcome: 'parked',
      reason: 'the learner is not a registered participant',
    });
    expect(JSON.stringify(await world.deps.xapiParking.listParked())).not.toContain('nobody@example.org');
  });
});
