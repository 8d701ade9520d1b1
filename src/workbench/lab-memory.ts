// The session's memory on a real page: the shared progress store, so edits and results
// survive reloads, travel with an export, and show on home and the Progress page.
import { progressStore, saveProgress } from '../progress/browser.ts';
import { markLabSolvedWithHelp, recordLabCheck, saveLabFiles } from '../progress/lab-progress.ts';
import type { LabMemory } from './lab-session.ts';

export function progressLabMemory(labId: string): LabMemory {
  return {
    savedFiles: () => progressStore().read().labs[labId]?.files ?? {},
    saveFiles: (edits) => void saveProgress((store) => saveLabFiles(store, labId, edits)),
    recordCheck: (result) => void saveProgress((store) => recordLabCheck(store, labId, result)),
    markSolvedWithHelp: () => void saveProgress((store) => markLabSolvedWithHelp(store, labId)),
  };
}
