import { useSettingCommit } from './use-setting-commit';
import { useSyncedState } from './use-synced-state';
import { SettingFeedback } from './SettingFeedback';

/** Whether model attributes nobody has reviewed yet already count in search. */
export function SearchUnreviewedToggle({ value }: { value: boolean }) {
  const { commit, error, status } = useSettingCommit('searchUnreviewed');
  const [checked, setChecked] = useSyncedState(value);
  return (
    <div className="setting-toggle">
      <label className="choice">
        <input
          type="checkbox"
          checked={checked}
          data-testid="search-unreviewed"
          onChange={(e) => {
            setChecked(e.target.checked);
            commit(e.target.checked);
          }}
        />
        <span>
          Search unreviewed AI attributes
          <span className="small muted choice-detail">Off: only attributes a reviewer approved are searchable.</span>
        </span>
      </label>
      <SettingFeedback status={status} error={error} />
    </div>
  );
}
