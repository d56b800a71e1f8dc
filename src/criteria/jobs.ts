// The scheduled side of the criteria cycle. The month is the Vietnamese month of the period's
// fire time, so a catch-up run after downtime sends the messages of the period it catches up.
import type { JobSpec } from '../jobs/types.js';
import { vnMonth } from '../shared/vntime.js';
import { sendMonthlyReminders, sendNudges, sendSummaries } from './reminders.js';

export const criteriaReminderJob: JobSpec = {
  name: 'criteria-reminder',
  cron: (app) => app.config.CRITERIA_REMINDER_CRON,
  async run(app, firedAt) {
    const result = await sendMonthlyReminders(app, vnMonth(firedAt));
    app.log.info({ job: 'criteria-reminder', ...result }, 'criteria reminders written');
  },
};

export const criteriaNudgeJob: JobSpec = {
  name: 'criteria-nudge',
  cron: (app) => app.config.CRITERIA_NUDGE_CRON,
  async run(app, firedAt) {
    const result = await sendNudges(app, vnMonth(firedAt));
    app.log.info({ job: 'criteria-nudge', ...result }, 'criteria nudges written');
  },
};

export const criteriaSummaryJob: JobSpec = {
  name: 'criteria-summary',
  cron: (app) => app.config.CRITERIA_SUMMARY_CRON,
  async run(app, firedAt) {
    const result = await sendSummaries(app, vnMonth(firedAt));
    app.log.info({ job: 'criteria-summary', ...result }, 'criteria summaries written');
  },
};
