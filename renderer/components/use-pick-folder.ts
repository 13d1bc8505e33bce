import { useApiMutation, useTransport } from '../api';

/**
 * Electron picks a folder with the native dialog and adds it; a browser cannot, so there
 * `pickFolder` is null and a path is typed instead.
 */
export function usePickFolder() {
  const { desktop } = useTransport();
  const add = useApiMutation('addFolder');
  const pickFolder = desktop
    ? (onAdded?: () => void) => {
        void desktop
          .pickFolder()
          .then((chosen) => chosen && add.mutate({ path: chosen }, { onSuccess: () => onAdded?.() }));
      }
    : null;
  return { pickFolder, add };
}
