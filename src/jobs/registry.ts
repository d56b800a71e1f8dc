// Every scheduled job of the service, one line each (domain modules add theirs here).
import type { JobSpec } from './types.js';
import { complaintDeadlineJob } from '../complaints/deadline-job.js';
import { dossiersDueJob } from '../dossiers/due-job.js';
import { criteriaNudgeJob, criteriaReminderJob, criteriaSummaryJob } from '../criteria/jobs.js';
import { housekeepingJob } from './housekeeping.js';

export const jobs: JobSpec[] = [
  complaintDeadlineJob,
  dossiersDueJob,
  criteriaReminderJob,
  criteriaNudgeJob,
  criteriaSummaryJob,
  housekeepingJob,
];
