import { AdsView } from './ads/AdsView';
import { ApiProvider } from './api';
import { StatusBar } from './components/StatusBar';
import { LibraryView } from './library/LibraryView';
import { AppNav } from './navigation/AppNav';
import { useRoute } from './navigation/routes';
import { QualityView } from './quality/QualityView';
import { ReviewView } from './review/ReviewView';
import { SettingsView } from './settings/SettingsView';
import { UsageView } from './usage/UsageView';

function CurrentView() {
  switch (useRoute()) {
    case 'review':
      return <ReviewView />;
    case 'quality':
      return <QualityView />;
    case 'ads':
      return <AdsView />;
    case 'usage':
      return <UsageView />;
    case 'settings':
      return <SettingsView />;
    case 'library':
      return <LibraryView />;
  }
}

/** The shell every view shares: navigation on top, ingest and analysis progress at the bottom. */
export function App() {
  return (
    <ApiProvider>
      <div className="app">
        <AppNav />
        <CurrentView />
        <StatusBar />
      </div>
    </ApiProvider>
  );
}
