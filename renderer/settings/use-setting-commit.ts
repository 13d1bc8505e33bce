import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ApiInput, ApiOutput } from '../../shared/api';
import { AiSettings } from '../../shared/model';
import { queryKeys, useApiMutation } from '../api';

/** What the model list depends on: where it is asked, as whom, and which ids get a "not offered" warning. */
const MODEL_LIST_INPUTS: ReadonlySet<keyof AiSettings> = new Set([
  'region',
  'credentials',
  'attributesModel',
  'escalationModel',
]);

/** The engine's 400 names the method; next to the field, only the reason matters. */
export function fieldMessage(message: string): string {
  return message.replace(/^invalid input for \w+: /, '');
}

/**
 * Saves one AI setting at a time, so each field shows its own "Saved" or its own error. The
 * shared schema checks the value first; the engine's answer is still the one that counts.
 * The choice shows at once (a radio that waits for the engine feels broken) and is rolled
 * back by a refetch if the engine refuses it.
 */
export function useSettingCommit<K extends keyof AiSettings>(key: K) {
  const update = useApiMutation('updateAiSettings');
  const queryClient = useQueryClient();
  const [invalid, setInvalid] = useState<string | null>(null);

  const commit = (value: AiSettings[K]) => {
    const checked = AiSettings.shape[key].safeParse(value);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      setInvalid(
        issue ? `${issue.path.length ? `${issue.path.join(' › ')}: ` : ''}${issue.message}` : 'not a valid value',
      );
      update.reset();
      return;
    }
    setInvalid(null);
    queryClient.setQueryData<ApiOutput<'getAiSettings'>>(
      queryKeys.aiSettings,
      (old) => old && { ...old, settings: { ...old.settings, [key]: checked.data } },
    );
    update.mutate({ [key]: checked.data } as ApiInput<'updateAiSettings'>, {
      onSuccess: () => {
        if (MODEL_LIST_INPUTS.has(key)) void queryClient.invalidateQueries({ queryKey: queryKeys.availableModels });
      },
      onError: () => void queryClient.invalidateQueries({ queryKey: queryKeys.aiSettings }),
    });
  };

  /** Back at the saved value: whatever was wrong with the draft no longer applies. */
  const reset = () => {
    setInvalid(null);
    update.reset();
  };

  const error = invalid ?? (update.error ? fieldMessage(update.error.message) : null);
  const status = error ? null : update.isPending ? 'Saving…' : update.isSuccess ? 'Saved' : null;
  return { commit, reset, error, status };
}
