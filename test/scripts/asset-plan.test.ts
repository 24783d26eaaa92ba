import { planAssets } from '../../scripts/lib/asset-plan.cjs';

const targets = (plan: ReturnType<typeof planAssets>): string[] => plan.copies.map((copy) => copy.to).sort();

describe('planAssets', () => {
  it('never serves or deploys the *.example.json files, at any depth', () => {
    const files = [
      'roster.private.json',
      'roster.example.json',
      'messages.example.json',
      'audio/hold.mp3',
      'x/y.example.json',
    ];
    for (const mode of ['local', 'deploy'] as const) {
      expect(targets(planAssets(files, mode))).toEqual(['audio/hold.mp3', 'roster.private.json']);
    }
  });

  it('serves the example roster as the roster locally when there is none, and says so', () => {
    const plan = planAssets(['roster.example.json', 'messages.private.json'], 'local');
    expect(plan.copies).toContainEqual({ from: 'roster.example.json', to: 'roster.private.json' });
    expect(targets(plan)).toEqual(['messages.private.json', 'roster.private.json']);
    expect(plan.note).toMatch(/^No assets\/roster\.private\.json: using assets\/roster\.example\.json/);
    expect(plan.note?.split('\n')).toHaveLength(1);
  });

  it('prefers the operator roster locally, quietly', () => {
    const plan = planAssets(['roster.private.json', 'roster.example.json'], 'local');
    expect(plan.copies).toEqual([{ from: 'roster.private.json', to: 'roster.private.json' }]);
    expect(plan.note).toBeUndefined();
  });

  it('deploys only what is in assets/, and warns that the static roster will be empty', () => {
    const plan = planAssets(['roster.example.json', 'messages.private.json'], 'deploy');
    expect(plan.copies).toEqual([{ from: 'messages.private.json', to: 'messages.private.json' }]);
    expect(plan.note).toMatch(/No assets\/roster\.private\.json: the deployed static roster .* has nobody to ring/);
  });

  it('has nothing to fall back to when the example roster is gone too', () => {
    expect(planAssets([], 'local')).toEqual({ copies: [], note: undefined });
  });
});
