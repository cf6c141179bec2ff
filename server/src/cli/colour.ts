/**
 * Whether to colour the output: `--color always|never` decides; with `auto` (the default)
 * FORCE_COLOR (any value but 0 or false) turns colour on, a non-empty NO_COLOR turns it
 * off (no-color.org), and otherwise a terminal that is not `dumb` gets colour.
 */
export const COLOR_CHOICES = ['auto', 'always', 'never'] as const;
export type ColorChoice = (typeof COLOR_CHOICES)[number];

export function useColour(choice: ColorChoice, isTTY: boolean | undefined, env: NodeJS.ProcessEnv): boolean {
  if (choice !== 'auto') return choice === 'always';
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY === true && env.TERM !== 'dumb';
}
