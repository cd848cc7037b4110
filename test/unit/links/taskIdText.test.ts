import * as assert from 'node:assert/strict';
import { findTaskIds, LONGEST_TASK_ID, taskIdAt } from '../../../src/links/taskIdText';

const TASK = 'task_01HZX3M9Q8R7T6V5W4Y3Z2A1B0';
const RUN = '0b8f5c2e-4a1d-4c3e-9f10-3d2c1b0a9e87-2026-11-01T00:15:00Z';

const ids = (text: string) => findTaskIds(text).map((match) => match.id);

describe('task IDs in text', () => {
  it('finds task IDs and scheduled-run IDs with their positions, shifted by the offset given', () => {
    const text = `started ${TASK}, then ${RUN}.`;
    assert.deepEqual(findTaskIds(text), [
      { start: 8, end: 8 + TASK.length, id: TASK },
      { start: text.indexOf(RUN), end: text.indexOf(RUN) + RUN.length, id: RUN },
    ]);
    assert.deepEqual(findTaskIds(TASK, 1000), [{ start: 1000, end: 1000 + TASK.length, id: TASK }]);
  });

  it('finds them where people meet them: quotes, JSON, URL paths, log lines, CSV, Markdown', () => {
    const cases = [
      `"${TASK}"`,
      `'${TASK}'`,
      `\`${TASK}\``,
      `{"id":"${TASK}","status":"FAILED"}`,
      `https://api.cloud.flexprice.io/v1/tasks/${TASK}/download`,
      `https://example.test/v1/tasks/${TASK}?x=1`,
      `2026-12-02T10:00:00.123Z INFO export finished task_id=${TASK} rows=12`,
      `${TASK},COMPLETED,12`,
      `[${TASK}](x)`,
      `(${TASK})`,
      `<${TASK}>`,
      `${TASK}.csv`,
      `exports/${TASK}-part1.csv`,
      `\t${TASK}\n`,
    ];
    for (const text of cases) assert.deepEqual(ids(text), [TASK], text);
    assert.deepEqual(ids(`{"id":"${RUN}"}`), [RUN]);
    assert.deepEqual(ids(`/v1/tasks/${RUN}/download`), [RUN]);
    assert.deepEqual(ids(`run ${RUN} failed`), [RUN]);
  });

  it('finds several on one line and across lines, each once', () => {
    const other = 'task_01J0000000000000000000000Z';
    assert.deepEqual(ids(`${TASK} ${other}\n${RUN}\n${TASK}`), [TASK, other, RUN, TASK]);
    assert.deepEqual(ids(`${TASK},${TASK}`), [TASK, TASK]);
  });

  it('reads run IDs with a fraction, an offset and lower-case letters, as the strict check does', () => {
    for (const id of [
      '0b8f5c2e-4a1d-4c3e-9f10-3d2c1b0a9e87-2026-11-01T00:15:00.123456789Z',
      '0b8f5c2e-4a1d-4c3e-9f10-3d2c1b0a9e87-2026-11-01T00:15:00+05:30',
      '0B8F5C2E-4A1D-4C3E-9F10-3D2C1B0A9E87-2026-11-01t00:15:00z',
    ]) assert.deepEqual(ids(` ${id} `), [id], id);
  });

  it('matches no near-miss', () => {
    const nearMisses = [
      `x${TASK}`, // part of a longer word
      `sub${TASK}`,
      `_${TASK}`,
      `9${TASK}`,
      `${TASK}X`, // 27 characters
      `${TASK}0`,
      `${TASK}_v2`,
      TASK.slice(0, -1), // 25 characters
      'task_01HZX3M9Q8R7T6V5W4Y3Z2A1BI', // I is not Crockford
      'task_01HZX3M9Q8R7T6V5W4Y3Z2A1BL',
      'task_01HZX3M9Q8R7T6V5W4Y3Z2A1BO',
      'task_01HZX3M9Q8R7T6V5W4Y3Z2A1BU',
      'task_81HZX3M9Q8R7T6V5W4Y3Z2A1B0', // beyond 48 bits of time
      'task_01hzx3m9q8r7t6v5w4y3z2a1b0', // servers write upper case
      'Task_01HZX3M9Q8R7T6V5W4Y3Z2A1B0',
      'task-01HZX3M9Q8R7T6V5W4Y3Z2A1B0',
      'task__01HZX3M9Q8R7T6V5W4Y3Z2A1B0',
      `é${TASK}`, // a letter is a letter in any script
      '0b8f5c2e-4a1d-4c3e-9f10-3d2c1b0a9e87', // a UUID without a time
      '0b8f5c2e-4a1d-4c3e-9f10-3d2c1b0a9e87-2026-11-01', // a date without a time
      '0b8f5c2e-4a1d-4c3e-9f10-3d2c1b0a9e87-2026-11-01T00:15Z', // no seconds
      '0b8f5c2e-4a1d-4c3e-9f10-3d2c1b0a9e87-2026-11-01T00:15:00', // no zone
      '0b8f5c2e-4a1d-4c3e-9f10-3d2c1b0a9e87-2026-02-30T00:15:00Z', // no such day
      '0b8f5c2e-4a1d-4c3e-9f10-3d2c1b0a9e87-2026-11-01T24:00:00Z', // no such hour
      '0b8f5c2e-4a1d-4c3e-9f10-3d2c1b0a9e87-2026-13-01T00:15:00Z',
      '0b8f5c2e-4a1d-4c3e-9f10-3d2c1b0a9e87-2026-11-01T00:15:00+25:00',
      `a${RUN}`, // a longer hex group
      `1234-${RUN}`, // a longer dashed token
      `${RUN}x`,
      `${RUN}0`,
      '0b8f5c2e-4a1d-4c3e-9f10-3d2c1b0a9e8-2026-11-01T00:15:00Z', // 11 hex digits
      '0b8f5c2g-4a1d-4c3e-9f10-3d2c1b0a9e87-2026-11-01T00:15:00Z', // not hex
      '0b8f5c2e-4a1d-4c3e-9f10-3d2c1b0a9e87-2026-11-01T00:15:00.1234567890Z', // ten fraction digits
      'task_',
      '',
    ];
    for (const text of nearMisses) assert.deepEqual(ids(text), [], text);
  });

  it('still finds an ID right after a near-miss that shares its characters', () => {
    assert.deepEqual(ids(`x${TASK} ${TASK}`), [TASK]);
    assert.deepEqual(ids(`0b8f5c2e-4a1d-4c3e-9f10-3d2c1b0a9e87-2026-02-30T00:15:00Z ${RUN}`), [RUN]);
  });

  it('takes linear time on text built to make a regex backtrack', () => {
    const hostile = [
      'task_'.repeat(200_000),
      'task_0'.repeat(100_000) + 'task_0000000000000000000000000',
      '0b8f5c2e-4a1d-4c3e-9f10-3d2c1b0a9e87-2026-11-01T00:15:00.12345678'.repeat(10_000),
      'a'.repeat(1_000_000),
      '0'.repeat(1_000_000),
      'f-'.repeat(500_000),
    ];
    for (const text of hostile) {
      const started = performance.now();
      findTaskIds(text);
      const ms = performance.now() - started;
      assert.ok(ms < 500, `${text.slice(0, 20)}… took ${ms} ms`);
    }
  });

  it('finds the ID under a position, for a hover', () => {
    const text = `see ${TASK} and ${RUN}`;
    assert.equal(taskIdAt(text, 4)?.id, TASK);
    assert.equal(taskIdAt(text, 4 + TASK.length - 1)?.id, TASK);
    assert.equal(taskIdAt(text, 4 + TASK.length), undefined);
    assert.equal(taskIdAt(text, text.length - 1)?.id, RUN);
    assert.deepEqual(taskIdAt(text, 4, 10), { start: 14, end: 14 + TASK.length, id: TASK });
  });

  it('knows the longest ID it finds', () => {
    const longest = '0b8f5c2e-4a1d-4c3e-9f10-3d2c1b0a9e87-2026-11-01T00:15:00.123456789+05:30';
    assert.deepEqual(ids(longest), [longest]);
    assert.equal(longest.length, LONGEST_TASK_ID);
  });
});
