import type { TargetId } from './types';

const LABELS: Record<TargetId, string> = {
  'redis-6.0': 'Redis 6.0',
  'redis-6.2': 'Redis 6.2',
  'redis-7.0': 'Redis 7.0',
  'redis-7.2': 'Redis 7.2',
  'redis-7.4': 'Redis 7.4',
  'redis-8.0': 'Redis 8.0',
  'valkey-7.2': 'Valkey 7.2',
  'valkey-8.0': 'Valkey 8.0',
  'valkey-8.1': 'Valkey 8.1',
  'valkey-9.1': 'Valkey 9.1',
};

export function targetLabel(target: TargetId): string {
  return LABELS[target];
}

/** "Redis 7.0, 7.2 and Valkey 8.1" — a short list of targets for messages. */
export function describeTargets(targets: readonly TargetId[]): string {
  const groups = new Map<string, string[]>();
  for (const t of targets) {
    const [product, version] = LABELS[t].split(' ') as [string, string];
    const list = groups.get(product) ?? [];
    list.push(version);
    groups.set(product, list);
  }
  return [...groups].map(([product, versions]) => `${product} ${versions.join(', ')}`).join('; ');
}
