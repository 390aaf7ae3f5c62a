'use strict';
// User settings for the throwaway profile: keep the workbench quiet, offline
// and fast. Anything the caller passes in `userSettings` wins.
const DEFAULT_USER_SETTINGS = {
  // AI / chat / Copilot surfaces (1.1xx builds show them by default).
  // Every key here exists in VS Code 1.139 (checked against its workbench and
  // built-in extensions); unknown keys are silently ignored, so keep it that way.
  'chat.disableAIFeatures': true,
  'chat.agent.enabled': false,
  'workbench.settings.showAISearchToggle': false,
  'github.copilot.enable': { '*': false },
  'workbench.secondarySideBar.defaultVisibility': 'hidden', // the (empty) chat side bar
  // network / phone-home
  'update.mode': 'none',
  'update.showReleaseNotes': false,
  'telemetry.telemetryLevel': 'off',
  'telemetry.feedback.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.settings.enableNaturalLanguageSearch': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'npm.fetchOnlinePackageInfo': false,
  // git / scm: nothing to do with the tests and spawns processes
  'git.enabled': false,
  'git.autofetch': false,
  'git.openRepositoryInParentFolders': 'never',
  'scm.autoReveal': false,
  // trust and startup UI
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'window.restoreWindows': 'none',
  'workbench.editor.restoreViewState': false,
  'files.hotExit': 'off',
  'editor.accessibilitySupport': 'off',
};

function buildUserSettings(overrides) {
  return { ...DEFAULT_USER_SETTINGS, ...(overrides || {}) };
}

module.exports = { DEFAULT_USER_SETTINGS, buildUserSettings };
