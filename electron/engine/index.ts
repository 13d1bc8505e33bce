export { Engine, type EngineOptions } from './engine';
export { teamChoice, TEAM_DB_ENV, TeamSettingError, type TeamChoice } from '../team';
