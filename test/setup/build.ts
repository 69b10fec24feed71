// Tests exercise the built bundle: build dist/ (and the development build,
// dist-dev/, for the self-check's tests) once before any test file runs.
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  execFileSync(process.execPath, ['scripts/build.mjs', '--dev'], { stdio: 'inherit' });
}
