// Jobs with several instances: the JobRun row is a lease, so a period runs on one instance at
// a time, and a run cut off by an instance's death is resumed by exactly one other, once its
// lease has run out. (The instances here are JobRunners with their own names on one database;
// test/instances/ runs real processes.)
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../support/app.js';
import { FakeClock } from '../../src/shared/clock.js';
import { JOB_LEASE_MS, JobRunner } from '../../src/jobs/scheduler.js';
import type { JobSpec } from '../../src/jobs/types.js';

let app: TestApp;
let clock: FakeClock;

beforeEach(async () => {
  clock = new FakeClock('2026-11-15T03:00:00Z');
  app = await makeTestApp({}, { clock, seed: false });
});
afterEach(async () => {
  await app.close();
});

/** A monthly job whose runs are recorded by instance; `hang` keeps the next run from ending. */
function job() {
  const runs: string[] = [];
  let release = () => {};
  const spec: JobSpec & { runs: string[]; hang: boolean; release(): void } = {
    name: 'monthly-test',
    runs,
    hang: false,
    release: () => release(),
    cron: () => '0 8 1 * *',
    async run() {
      runs.push(clock.now().toISOString());
      if (spec.hang) {
        spec.hang = false;
        await new Promise<void>((resolve) => (release = resolve));
      }
    },
  };
  return spec;
}

describe('jobs on several instances', () => {
  it('instances sweeping at the same moment run a period once', async () => {
    const spec = job();
    const instances = ['a', 'b', 'c'].map((name) => new JobRunner(app, [spec], name));
    const ran = await Promise.all(instances.map((r) => r.runDue()));
    expect(ran.flat()).toEqual(['monthly-test']);
    expect(spec.runs).toHaveLength(1);
    expect(await Promise.all(instances.map((r) => r.runDue()))).toEqual([[], [], []]);
  });

  it('a run in progress on one instance is left alone by the others while its lease runs', async () => {
    const spec = job();
    spec.hang = true;
    const a = new JobRunner(app, [spec], 'a');
    const running = a.runDue();
    await expect.poll(() => spec.runs.length).toBe(1);
    clock.advance(JOB_LEASE_MS - 1000);
    expect(await new JobRunner(app, [spec], 'b').runDue()).toEqual([]);
    spec.release();
    expect(await running).toEqual(['monthly-test']);
    expect(await new JobRunner(app, [spec], 'b').runDue()).toEqual([]);
    expect(spec.runs).toHaveLength(1);
  });

  it('a run cut off by an instance death is resumed by exactly one instance, after its lease ran out', async () => {
    const spec = job();
    spec.hang = true;
    // Instance a "dies" mid-run: its run never ends and its lease is no longer renewed.
    void new JobRunner(app, [spec], 'a').runDue();
    await expect.poll(() => spec.runs.length).toBe(1);
    clock.advance(JOB_LEASE_MS + 1);
    const others = ['b', 'c', 'd'].map((name) => new JobRunner(app, [spec], name));
    const ran = await Promise.all(others.map((r) => r.runDue()));
    expect(ran.flat()).toEqual(['monthly-test']);
    expect(spec.runs).toHaveLength(2);
    const row = await app.db.jobRun.findFirstOrThrow();
    expect(row.finishedAt).not.toBeNull();
    expect(['b', 'c', 'd']).toContain(row.holder);
    expect(await Promise.all(others.map((r) => r.runDue()))).toEqual([[], [], []]);
  });

  it('a failed run is given up at once: the next sweep of any instance runs it again', async () => {
    const spec = job();
    spec.run = async () => {
      spec.runs.push('failed');
      throw new Error('database went away');
    };
    expect(await new JobRunner(app, [spec], 'a').runDue()).toEqual(['monthly-test']);
    spec.run = async () => void spec.runs.push('ok');
    expect(await new JobRunner(app, [spec], 'b').runDue()).toEqual(['monthly-test']);
    expect(spec.runs).toEqual(['failed', 'ok']);
    expect((await app.db.jobRun.findFirstOrThrow()).finishedAt).not.toBeNull();
  });
});
