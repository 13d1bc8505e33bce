export { openTeamCopy, type TeamCopy } from './team-copy';
export { TeamSync, type TeamSyncEvents } from './team-sync';
export {
  TeamDatabase,
  TeamDatabaseUnreachableError,
  TeamSchemaError,
  TeamSchemaNewerError,
  withoutPassword,
} from './team-database';
export {
  saveTeamLibrary,
  savedTeamLibrary,
  TEAM_DB_ENV,
  teamChoice,
  TeamSettingError,
  type TeamChoice,
  type TeamChoiceSource,
} from './team-choice';
export { copyToTeam, type CopyProgress, type CopyReport } from './copy-to-team';
export { copyFromTeam, type CopyFromTeamReport } from './copy-from-team';
export { rewriteCopyIfDue } from './rewrite-copy';
export { SharedFolders, type SharedFolder } from './shared-folders';
