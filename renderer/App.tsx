import { ApiProvider } from './api';
import { LibraryView } from './library/LibraryView';

export function App() {
  return (
    <ApiProvider>
      <LibraryView />
    </ApiProvider>
  );
}
