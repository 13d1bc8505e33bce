import { AdsView } from './ads/AdsView';
import { ApiProvider } from './api';
import { LibraryOpeningGate } from './components/LibraryOpeningGate';
import { StatusBar } from './components/StatusBar';
import { LibraryView } from './library/LibraryView';
import { SkipToImages } from './library/SkipToImages';
import { AppNav } from './navigation/AppNav';
import { useRoute, type Route } from './navigation/routes';
import { QualityView } from './quality/QualityView';
import { ReviewView } from './review/ReviewView';
import { SettingsView } from './settings/SettingsView';
import { UsageView } from './usage/UsageView';

function CurrentView({ route }: { route: Route }) {
  switch (route) {
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

/**
 * The shell every view shares: navigation on top, ingest and analysis progress at the bottom;
 * until the library is open, how far opening has got instead.
 */
export function App() {
  const route = useRoute();
  return (
    <ApiProvider>
      <LibraryOpeningGate>
        <div className="app">
          {route === 'library' && <SkipToImages />}
          <AppNav />
          <CurrentView route={route} />
          <StatusBar />
        </div>
      </LibraryOpeningGate>
    </ApiProvider>
  );
}
