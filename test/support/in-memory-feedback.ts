import {
  type FeedbackResponse,
  quarterOf,
  type StaffFeedbackEntry,
  type SurveyTokenRecord,
} from '../../functions/core/feedback.js';
import type { FeedbackStore } from '../../functions/core/ports.js';

const clone = <T>(value: T): T => structuredClone(value);

/** An in-memory FeedbackStore with the DynamoDB adapter's keys: one response per participant and certificate. */
export function inMemoryFeedback() {
  const tokens = new Map<string, SurveyTokenRecord>();
  /** By `<participantId>#<number>`, as `PARTICIPANT#<id>` / `FEEDBACK#<number>`. */
  const responses = new Map<string, FeedbackResponse>();
  const periods = new Map<string, Set<string>>();
  const staff: StaffFeedbackEntry[] = [];
  const due = new Map<string, Set<string>>();
  const store: FeedbackStore = {
    addSurveyToken: async (record) => {
      if (tokens.has(record.tokenHash)) throw new Error('ConditionalCheckFailedException');
      tokens.set(record.tokenHash, clone(record));
    },
    findSurveyToken: async (hash) => clone(tokens.get(hash)),
    getResponse: async (participantId, number) => clone(responses.get(`${participantId}#${number}`)),
    putResponse: async (response) => {
      responses.set(`${response.participantId}#${response.certificateNumber}`, clone(response));
      const period = quarterOf(response.firstSubmittedAt);
      periods.set(period, (periods.get(period) ?? new Set()).add(response.certificateNumber));
    },
    listResponsesOf: async (participantId) =>
      [...responses.values()].filter((response) => response.participantId === participantId).map(clone),
    listResponseNumbersIn: async (period) => [...(periods.get(period) ?? [])],
    addStaffEntry: async (entry) => void staff.push(clone(entry)),
    listStaffEntriesIn: async (period) => staff.filter((entry) => entry.period === period).map(clone),
    scheduleSurveyReminder: async (number, day) => void due.set(day, (due.get(day) ?? new Set()).add(number)),
    listSurveyRemindersDueOn: async (day) => [...(due.get(day) ?? [])],
  };
  return {
    store,
    tokens,
    responses,
    staff,
    due,
    /** What an erasure of the participant's partition removes here; returns how many. */
    eraseResponsesOf(participantId: string) {
      let removed = 0;
      for (const [key, response] of responses)
        if (response.participantId === participantId) removed += Number(responses.delete(key));
      return removed;
    },
  };
}
