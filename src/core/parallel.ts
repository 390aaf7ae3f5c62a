/**
 * The core's entry for worker-thread plumbing (src/node's pool and worker): cut a file into
 * claim units, audit one unit's text on a worker, and put the units' findings back in file
 * coordinates. The audit API itself is ./index.ts.
 */
export { auditUnitText, cutUnits, EarlyPlacements, findingsOfUnits, resultOfUnits, seedUnitResult, type DocumentCut, type UnitCut, type UnitSummary } from './pipeline/parallel';
export { LineIndex } from './parse/lines';
