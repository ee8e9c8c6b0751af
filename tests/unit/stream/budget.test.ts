import { describe, expect, it } from 'vitest';
import { createBudget } from '../../../api/stream/budget';

describe('createBudget', () => {
  it('runs at most its limit of tasks at once and all of them in the end', async () => {
    const budget = createBudget(2);
    let running = 0;
    let most = 0;
    const task = async (value: number) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 2));
      running -= 1;
      return value;
    };
    const results = await Promise.all(range(20).map((i) => budget.run(() => task(i))));
    expect(results).toEqual(range(20));
    expect(most).toBe(2);
    expect(budget.active()).toBe(0);
  });

  it('returns the slot when a task fails', async () => {
    const budget = createBudget(1);
    await expect(budget.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await budget.run(() => Promise.resolve('next'))).toBe('next');
    expect(budget.active()).toBe(0);
    expect(budget.waiting()).toBe(0);
  });
});

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
