// The scheduled side of the criteria cycle. The month is the Vietnamese month of the period's
// fire time, so a catch-up run after downtime sends the messages of the period it catches up.
import type { Services } from '../services.js';
import type { Config } from '../config/index.js';
import type { JobSpec } from '../jobs/types.js';
import { vnMonth } from '../shared/vntime.js';
import { sendMonthlyReminders, sendNudges, sendSummaries, type SendResult } from './reminders.js';

function monthlyJob(
  name: string,
  cron: keyof Pick<Config, 'CRITERIA_REMINDER_CRON' | 'CRITERIA_NUDGE_CRON' | 'CRITERIA_SUMMARY_CRON'>,
  send: (services: Services, month: string) => Promise<SendResult>,
): JobSpec {
  return {
    name,
    cron: (config) => config[cron],
    async run(services, firedAt) {
      const result = await send(services, vnMonth(firedAt));
      services.log.info({ job: name, ...result }, 'criteria messages written');
    },
  };
}

export const criteriaReminderJob = monthlyJob('criteria-reminder', 'CRITERIA_REMINDER_CRON', sendMonthlyReminders);
export const criteriaNudgeJob = monthlyJob('criteria-nudge', 'CRITERIA_NUDGE_CRON', sendNudges);
export const criteriaSummaryJob = monthlyJob('criteria-summary', 'CRITERIA_SUMMARY_CRON', sendSummaries);
